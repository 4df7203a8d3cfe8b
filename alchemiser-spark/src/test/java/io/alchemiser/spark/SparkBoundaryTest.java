package io.alchemiser.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark and Scala stay in this module: no class of another module uses them (the parent's Maven enforcer bans them
 * from every other module's dependencies as well), and the rule sees both sides.
 */
class SparkBoundaryTest {
    @Test
    void onlyThisModuleUsesSparkOrScala() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.alchemiser");
        assertThat(all.stream().anyMatch(c -> c.getPackageName().equals("io.alchemiser.spark"))).isTrue();
        assertThat(all.stream().anyMatch(c -> c.getPackageName().startsWith("io.alchemiser.examples.research")))
                .isTrue();
        noClasses().that().resideOutsideOfPackage("io.alchemiser.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(all);
    }
}
