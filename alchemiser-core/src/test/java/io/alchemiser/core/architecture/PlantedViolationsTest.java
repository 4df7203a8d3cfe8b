package io.alchemiser.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every architecture rule fails on a planted violation (test classes under {@code planted}): a rule that cannot
 * fail would guard nothing.
 */
class PlantedViolationsTest {
    private static final String PLANTED = "io.alchemiser.core.architecture.planted";
    private static JavaClasses planted;

    @BeforeAll
    static void importPlanted() {
        planted = new ClassFileImporter().importPackages(PLANTED);
    }

    @Test
    void aDomainValueThatUsesAPortBreaksTheLayers() {
        assertThatThrownBy(() -> ArchitectureRules.coreLayers(PLANTED + ".core").check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ValueUsingAPort");
    }

    @Test
    void aVendorTypeBreaksTheAllowList() {
        assertThatThrownBy(() -> ArchitectureRules.dependsOnlyOn(PLANTED + ".core").check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.tngtech.archunit");
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(PLANTED).check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cycle");
    }

    @Test
    void reachingIntoAnotherModulesInternalsIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.internalsStayInside(PLANTED + ".adapter").check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReachesIn");
    }

    @Test
    void aPackageOtherThanTheAllowedOneUsingAModuleIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.onlyPackageMayUse(PLANTED + ".outside", PLANTED + ".outside.kit",
                PLANTED + ".adapter").check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReachesIn");
    }

    @Test
    void anAdapterUsingAnotherAdapterIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.adapterIndependent(PLANTED + ".outside",
                List.of(PLANTED + ".adapter")).check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReachesIn");
    }
}
