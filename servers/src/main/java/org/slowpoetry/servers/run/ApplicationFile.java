package org.slowpoetry.servers.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.ServiceContext;

/**
 * An application file, the analog of Twisted's {@code .tac} file (Part 16): one Java source file
 * that builds the application, the services and the ports of one deployment, for
 * {@code slowpoetry run --app FILE.java}. The runner compiles it in memory, as the {@code java}
 * launcher runs a source file, against the runner's own class path, and calls its
 * {@code application} method, as twistd reads the {@code application} variable of a {@code .tac}.
 *
 * <p><b>The convention.</b> The file {@code NAME.java} declares a top-level class {@code NAME}
 * (public or not, in any package) with this method; nothing is started in it, only built:
 * {@snippet :
 * // fastpoetry.java
 * import java.nio.file.Path;
 * import org.slowpoetry.service.*;
 *
 * class fastpoetry {
 *     public static Application application(ServiceContext context) {
 *         var top = new ReactorMultiService("fastpoetry", context.reactor());
 *         // ... add the services: the poem, the port ...
 *         return Application.of("fastpoetry", top);
 *     }
 * }
 * }
 * It is compiled with {@code --release} of the running Java and {@code --enable-preview}. A compile
 * error prints the compiler's messages ({@code fastpoetry.java:12: error: ...}); a missing or
 * mistyped method, or a method that throws, is one line; all of them exit with status 2.
 *
 * <p><b>Threading:</b> {@link #compile} and {@link #build} on the runner's main thread. Compiling
 * loads the class but does not initialise it: its static initialisers, which may get loggers, run
 * in {@link #build}, once the log is configured.
 */
final class ApplicationFile implements ApplicationSource {
    /** The method the file's class must declare. */
    static final String METHOD = "application";
    /** An application file is a page of configuration, not a program; this is plenty. */
    static final long MAX_BYTES = 1 << 20;

    private final Path source;
    private final Method method;

    private ApplicationFile(Path source, Method method) {
        this.source = source;
        this.method = method;
    }

    /**
     * Compiles {@code source} in memory and finds its {@code application} method.
     *
     * @param err where the compiler's messages go if it fails
     * @throws UserException if the file cannot be read, does not compile, or breaks the convention
     */
    static ApplicationFile compile(Path source, PrintWriter err) {
        String className = checkFile(source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UserException("--app needs a Java compiler (a JDK, with the module jdk.compiler),"
                    + " and this Java runtime has none");
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
             var compiled = new CompiledClasses(files)) {
            var messages = new StringWriter();
            List<String> options = List.of(
                    "--release", Integer.toString(Runtime.version().feature()), "--enable-preview",
                    "-proc:none", "-classpath", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(messages, compiled, null, options, null, files.getJavaFileObjects(source)).call();
            if (!ok) {
                err.print(messages);
                err.flush();
                throw new UserException("cannot compile " + source + " (the compiler's messages are above)");
            }
            String binaryName = compiled.names().stream()
                    .filter(name -> name.equals(className) || name.endsWith("." + className))
                    .findFirst()
                    .orElseThrow(() -> new UserException(source + " declares no top-level class " + className
                            + " (the class is named after the file)"));
            Class<?> type = Class.forName(binaryName, false, compiled.loader(ApplicationFile.class.getClassLoader()));
            return new ApplicationFile(source, applicationMethod(source, type));
        } catch (IOException e) {
            throw new UserException("cannot compile " + source + ": " + Messages.reason(e), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class the compiler just wrote is missing", e);
        }
    }

    /**
     * Calls the file's {@code application} method.
     *
     * @throws UserException if it throws, or returns null: one line naming the file
     */
    @Override
    public Application build(ServiceContext context) {
        Object application;
        try {
            application = method.invoke(null, context);
        } catch (InvocationTargetException e) {
            throw failed(e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the method was made accessible", e);
        }
        if (application == null) {
            throw new UserException(source + ": " + METHOD + "(context) returned null, not an Application");
        }
        return (Application) application;
    }

    private UserException failed(Throwable cause) {
        if (cause instanceof UserException user) {
            return user;
        }
        return new UserException(source + ": " + METHOD + "(context) failed: " + Messages.reason(cause), cause);
    }

    /** The class name the file must declare, after checking that it can be read. */
    private static String checkFile(Path source) {
        String fileName = String.valueOf(source.getFileName());
        if (!fileName.endsWith(".java")) {
            throw new UserException("--app: " + source + " is not a .java file");
        }
        String className = fileName.substring(0, fileName.length() - ".java".length());
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new UserException("--app: " + source + " cannot declare a class named after it: '" + className
                    + "' is not a Java name");
        }
        if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
            throw new UserException("--app: cannot read " + source + ": no such file, or not readable");
        }
        try {
            if (Files.size(source) > MAX_BYTES) {
                throw new UserException("--app: " + source + " is larger than " + MAX_BYTES / 1024
                        + " KB: an application file builds services, it is not a program");
            }
        } catch (IOException e) {
            throw new UserException("--app: cannot read " + source + ": " + Messages.reason(e), e);
        }
        return className;
    }

    private static Method applicationMethod(Path source, Class<?> type) {
        String wanted = "public static " + Application.class.getSimpleName() + " " + METHOD + "("
                + ServiceContext.class.getSimpleName() + " context)";
        Method method;
        try {
            method = type.getDeclaredMethod(METHOD, ServiceContext.class);
        } catch (NoSuchMethodException e) {
            throw new UserException(source + ": class " + type.getSimpleName() + " has no method " + wanted);
        }
        int modifiers = method.getModifiers();
        if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || method.getReturnType() != Application.class) {
            throw new UserException(source + ": " + type.getSimpleName() + "." + METHOD + " must be " + wanted);
        }
        method.setAccessible(true); // the class itself need not be public
        return method;
    }
}
