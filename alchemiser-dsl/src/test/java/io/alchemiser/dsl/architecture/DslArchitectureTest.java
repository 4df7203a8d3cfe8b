package io.alchemiser.dsl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DSL depends on core only: no adapter module and no vendor library crosses into it. */
class DslArchitectureTest {
    private static JavaClasses dsl;

    @BeforeAll
    static void importDsl() {
        dsl = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.alchemiser.dsl");
    }

    @Test
    void theRulesSeeTheDsl() {
        for (String pkg : new String[] {"read", "compile", "indicator", "eval"}) {
            assertThat(dsl.stream().anyMatch(c -> c.getPackageName().equals("io.alchemiser.dsl." + pkg)))
                    .as("classes found in io.alchemiser.dsl." + pkg).isTrue();
        }
    }

    @Test
    void dslImportsNoAdapterModule() {
        noClasses().that().resideInAPackage("io.alchemiser.dsl..").should().dependOnClassesThat()
                .resideInAnyPackage("io.alchemiser.alpaca..", "io.alchemiser.s3..", "io.alchemiser.inmemory..",
                        "io.alchemiser.examples..")
                .check(dsl);
    }

    @Test
    void dslImportsNoVendorLibrary() {
        noClasses().that().resideInAPackage("io.alchemiser.dsl..").should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "software.amazon..", "org.apache.parquet..",
                        "org.apache.hadoop..", "okhttp3..", "java.net.http..", "net.jacobpeterson..")
                .check(dsl);
    }
}
