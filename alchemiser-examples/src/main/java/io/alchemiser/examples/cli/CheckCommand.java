package io.alchemiser.examples.cli;

import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check FILE...}: compiles each symphony and reports it or its errors. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile symphony files; print 'FILE: ok (N nodes, M symbols)' or every error with its "
                + "file:line:column. Exit 1 if any file fails.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".clj symphony exports")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            try {
                Symphony s = Symphonies.compile(file);
                out.println(file + ": ok (" + s.nodeCount() + " nodes, " + s.symbols().size() + " symbols)");
            } catch (SymphonyException e) {
                failed++;
                err.println(e.render());
                out.println(file + ": " + e.diagnostics().size() + " error" + (e.diagnostics().size() == 1 ? "" : "s"));
            } catch (UncheckedIOException e) {
                failed++;
                out.println(file + ": cannot read: " + e.getCause().getMessage());
            }
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.INPUT;
    }
}
