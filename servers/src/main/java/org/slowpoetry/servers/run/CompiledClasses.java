package org.slowpoetry.servers.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * Class files kept in memory: the compiler writes them here instead of to disk, and
 * {@link #loader} defines them. The standard file manager still reads the sources and the class
 * path.
 *
 * <p><b>Threading:</b> the compiler's thread (the runner's main thread) writes; the loader, made
 * after the compilation, reads. Guarded by {@code this}.
 */
final class CompiledClasses extends ForwardingJavaFileManager<JavaFileManager> {
    /** Binary class name to class file bytes; guarded by this. */
    private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

    CompiledClasses(JavaFileManager standard) {
        super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) {
        URI uri = URI.create("memory:///" + className.replace('.', '/') + kind.extension);
        return new SimpleJavaFileObject(uri, kind) {
            @Override
            public OutputStream openOutputStream() {
                var bytes = new ByteArrayOutputStream();
                synchronized (CompiledClasses.this) {
                    classes.put(className, bytes);
                }
                return bytes;
            }
        };
    }

    /** The binary names of the classes compiled. */
    synchronized Set<String> names() {
        return Set.copyOf(classes.keySet());
    }

    /** A class loader for the compiled classes, below {@code parent}, which has everything else. */
    ClassLoader loader(ClassLoader parent) {
        return new ClassLoader("slowpoetry-app", parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes;
                synchronized (CompiledClasses.this) {
                    ByteArrayOutputStream file = classes.get(name);
                    if (file == null) {
                        throw new ClassNotFoundException(name);
                    }
                    bytes = file.toByteArray();
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
