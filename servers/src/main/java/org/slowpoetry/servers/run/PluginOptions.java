package org.slowpoetry.servers.run;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A plugin's own options, the arguments after its name ({@code slowpoetry run fastpoetry --port
 * 10000}), parsed by picocli into the plugin's {@link ServiceMaker#newOptions() options object}, as
 * twistd hands them to the plugin's {@code Options} class. The plugin's command line is named
 * {@code slowpoetry run NAME}, so its usage and its errors say so; it has {@code --help} whether
 * the options object declares one or not.
 *
 * <p><b>Threading:</b> stateless; on the runner's main thread, before anything starts.
 */
final class PluginOptions {
    private PluginOptions() {
    }

    /**
     * Parses {@code args} for {@code maker}.
     *
     * @param run the {@code run} command's command line: its name, and the writers to print to
     * @return what to run, or empty if {@code --help} was asked for (its usage is printed then)
     * @throws ParameterException for a bad option value, reported by picocli as for any command:
     *                            one line naming the option, exit 2
     */
    static <O> Optional<ApplicationSource> parse(ServiceMaker<O> maker, List<String> args, CommandLine run) {
        O options = Objects.requireNonNull(maker.newOptions(), () -> maker.name() + ": newOptions() returned null");
        CommandLine cli = new CommandLine(options);
        cli.setCommandName(run.getCommandSpec().qualifiedName() + " " + maker.name());
        cli.setOut(run.getOut());
        cli.setErr(run.getErr());
        CommandSpec spec = cli.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show the plugin's options and exit.").build());
        }
        ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        if (parsed.isUsageHelpRequested()) {
            cli.usage(cli.getOut());
            cli.getOut().flush();
            return Optional.empty();
        }
        return Optional.of(context -> Application.of(maker.name(), make(maker, options, context)));
    }

    /** The plugin's top service; its failure as the user's one line, unless it is a bug. */
    private static <O> Service make(ServiceMaker<O> maker, O options, ServiceContext context) {
        Service top;
        try {
            top = maker.makeService(options, context);
        } catch (UserException | ParameterException e) {
            throw e; // the user's error already, worded by the plugin
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw cannotServe(maker, e);
        } catch (RuntimeException e) {
            throw e; // a bug in the plugin: Main reports it as one
        } catch (Exception e) {
            throw cannotServe(maker, e);
        }
        if (top == null) {
            throw new IllegalStateException(maker.name() + ": makeService returned null");
        }
        return top;
    }

    private static UserException cannotServe(ServiceMaker<?> maker, Exception e) {
        return new UserException(maker.name() + ": " + Messages.reason(e), e);
    }
}
