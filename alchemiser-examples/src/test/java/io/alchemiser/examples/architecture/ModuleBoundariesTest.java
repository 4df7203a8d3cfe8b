package io.alchemiser.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checked where every module is on the classpath: no adapter module imports another, and neither core nor the
 * DSL imports an adapter or a vendor library. Each rule first proves it sees the classes it speaks of.
 */
class ModuleBoundariesTest {
    private static final List<String> ADAPTERS = List.of("alpaca", "s3", "inmemory");
    private static JavaClasses all;

    @BeforeAll
    static void importEverything() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.alchemiser");
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String pkg : List.of("core", "dsl", "alpaca", "s3", "inmemory", "examples")) {
            assertThat(all.stream().anyMatch(c -> c.getPackageName().startsWith("io.alchemiser." + pkg)))
                    .as("classes found in io.alchemiser." + pkg).isTrue();
        }
    }

    @Test
    void noAdapterImportsAnother() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> "io.alchemiser." + a + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.alchemiser." + adapter + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).check(all);
        }
    }

    @Test
    void noAdapterImportsTheDslOrTheApp() {
        for (String adapter : ADAPTERS) {
            noClasses().that().resideInAPackage("io.alchemiser." + adapter + "..").should().dependOnClassesThat()
                    .resideInAnyPackage("io.alchemiser.dsl..", "io.alchemiser.examples..").check(all);
        }
    }

    @Test
    void coreAndDslImportNoAdapterAndNoVendorLibrary() {
        noClasses().that().resideInAnyPackage("io.alchemiser.core..", "io.alchemiser.dsl..").should()
                .dependOnClassesThat().resideInAnyPackage("io.alchemiser.alpaca..", "io.alchemiser.s3..",
                        "io.alchemiser.inmemory..", "io.alchemiser.examples..", "com.fasterxml.jackson..",
                        "software.amazon..", "org.apache.parquet..", "org.apache.hadoop..", "okhttp3..",
                        "java.net.http..")
                .check(all);
    }
}
