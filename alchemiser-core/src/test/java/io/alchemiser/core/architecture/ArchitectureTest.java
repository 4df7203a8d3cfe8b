package io.alchemiser.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core knows no adapter and no vendor library. Each rule is checked against classes that exist (the import
 * must find the core's packages), so a renamed package cannot make a rule pass vacuously.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.alchemiser.core");
    }

    @Test
    void theRulesSeeTheCore() {
        for (String pkg : new String[] {"domain", "port", "event", "ledger", "portfolio", "execution", "run", "strategy"}) {
            assertThat(core.stream().anyMatch(c -> c.getPackageName().equals("io.alchemiser.core." + pkg)))
                    .as("classes found in io.alchemiser.core." + pkg).isTrue();
        }
    }

    @Test
    void coreImportsNoAdapterModule() {
        check(noClasses().that().resideInAPackage("io.alchemiser.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.alchemiser.alpaca..", "io.alchemiser.s3..", "io.alchemiser.inmemory..",
                        "io.alchemiser.examples..", "io.alchemiser.app..", "io.alchemiser.dsl.."));
    }

    @Test
    void coreImportsNoVendorLibrary() {
        check(noClasses().that().resideInAPackage("io.alchemiser.core..").should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "software.amazon..", "org.apache.parquet..",
                        "org.apache.hadoop..", "okhttp3..", "java.net.http..", "net.jacobpeterson.."));
    }

    private static void check(ArchRule rule) {
        rule.check(core);
    }
}
