package io.alchemiser.dsl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.alchemiser.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DSL depends on the JDK, the SLF4J API, core and itself only, without package cycles. */
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
    void dslDependsOnlyOnTheJdkSlf4jCoreAndItself() {
        ArchitectureRules.dependsOnlyOn("io.alchemiser.dsl", "io.alchemiser.core").check(dsl);
    }

    @Test
    void noPackageCycleInTheDsl() {
        ArchitectureRules.noPackageCycles("io.alchemiser").check(dsl);
    }
}
