package io.alchemiser.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.alchemiser.core.architecture.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-module rules, checked here because every module is on this module's test classpath (main classes only:
 * test classes and the modules' test-jars are left out): no package cycle
 * anywhere, no module reaching into another's {@code internal} packages, no adapter using another adapter, and core
 * and the DSL on their allow-lists. Each rule first proves it sees the classes it speaks of.
 */
class ModuleBoundariesTest {
    private static final List<String> ADAPTERS = List.of("io.alchemiser.alpaca", "io.alchemiser.s3",
            "io.alchemiser.inmemory");
    private static JavaClasses all;

    @BeforeAll
    static void importEverything() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.alchemiser");
    }

    @Test
    void theRulesSeeEveryModuleAndEveryInternalPackage() {
        for (String pkg : List.of("core", "dsl", "alpaca", "s3", "inmemory", "examples", "alpaca.internal",
                "s3.internal")) {
            assertThat(all.stream().anyMatch(c -> c.getPackageName().startsWith("io.alchemiser." + pkg)))
                    .as("classes found in io.alchemiser." + pkg).isTrue();
        }
    }

    @Test
    void noPackageCycleAnywhere() {
        ArchitectureRules.noPackageCycles("io.alchemiser").check(all);
    }

    @Test
    void noModuleReachesIntoAnothersInternals() {
        ArchitectureRules.internalsStayInside("io.alchemiser.alpaca").check(all);
        ArchitectureRules.internalsStayInside("io.alchemiser.s3").check(all);
    }

    @Test
    void noAdapterUsesAnother() {
        for (String adapter : ADAPTERS) {
            ArchitectureRules.adapterIndependent(adapter, ADAPTERS.stream().filter(a -> !a.equals(adapter)).toList())
                    .check(all);
        }
    }

    @Test
    void onlyTheStrategyTestingKitOfTheInMemoryModuleUsesTheDsl() {
        assertThat(all.stream().anyMatch(c -> c.getPackageName().equals("io.alchemiser.inmemory.testkit"))).isTrue();
        ArchitectureRules.onlyPackageMayUse("io.alchemiser.inmemory", "io.alchemiser.inmemory.testkit",
                "io.alchemiser.dsl").check(all);
    }

    @Test
    void coreAndTheDslStayOnTheirAllowLists() {
        ArchitectureRules.dependsOnlyOn("io.alchemiser.core").check(all);
        ArchitectureRules.dependsOnlyOn("io.alchemiser.dsl", "io.alchemiser.core").check(all);
        ArchitectureRules.coreLayers("io.alchemiser.core").check(all);
    }
}
