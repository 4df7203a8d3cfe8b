package io.alchemiser.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Core's own rules: its three layers, an allow-list of dependencies (the JDK, the SLF4J API and itself), and no
 * package cycle. Each rule first proves it sees real classes in every layer, so a renamed package cannot make it
 * pass vacuously; {@link PlantedViolationsTest} shows each rule failing on a violation.
 */
class ArchitectureTest {
    private static final String CORE = "io.alchemiser.core";
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    @Test
    void theRulesSeeEveryLayer() {
        for (String pkg : new String[] {"domain", "domain.event", "domain.ledger", "domain.portfolio",
                "domain.strategy", "port", "application.portfolio", "application.execution", "application.run",
                "application.backtest"}) {
            assertThat(core.stream().anyMatch(c -> c.getPackageName().equals(CORE + "." + pkg)))
                    .as("classes found in " + CORE + "." + pkg).isTrue();
        }
    }

    @Test
    void layersDependOnlyDownward() {
        ArchitectureRules.coreLayers(CORE).check(core);
    }

    @Test
    void coreDependsOnlyOnTheJdkSlf4jAndItself() {
        ArchitectureRules.dependsOnlyOn(CORE).check(core);
    }

    @Test
    void noPackageCycleInCore() {
        ArchitectureRules.noPackageCycles("io.alchemiser").check(core);
    }
}
