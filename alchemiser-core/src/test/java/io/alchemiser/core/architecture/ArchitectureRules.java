package io.alchemiser.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's architecture as ArchUnit rules, in one place, each built for a base package so the real code and
 * the planted violations of {@code PlantedViolationsTest} are checked by the very same rule. Shared through core's
 * test-jar: core and the DSL check their own rules; the cross-module rules run in {@code alchemiser-examples},
 * where every module is on the test classpath.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * Core's three layers: domain values use only the domain; ports use the domain; application services use both;
     * nothing in the domain or the ports uses a service.
     */
    public static ArchRule coreLayers(String core) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(core + ".domain..")
                .layer("Ports").definedBy(core + ".port..")
                .layer("Application").definedBy(core + ".application..")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ports").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Application")
                .because("the folder tree is the architecture: domain values, then ports, then services");
    }

    /** Classes of {@code base} depend only on the JDK, the SLF4J API, themselves and the {@code allowed} packages. */
    public static ArchRule dependsOnlyOn(String base, String... allowed) {
        List<String> packages = new ArrayList<>(List.of("java..", "org.slf4j..", base + ".."));
        for (String a : allowed) {
            packages.add(a + "..");
        }
        return classes().that().resideInAPackage(base + "..").should().onlyDependOnClassesThat()
                .resideInAnyPackage(packages.toArray(String[]::new))
                .because(base + " may use the JDK, the SLF4J API" + (allowed.length == 0 ? "" : ", " + String.join(", ", allowed))
                        + " and itself, nothing else");
    }

    /** No package cycle anywhere under {@code root}: every package is its own slice. */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)..").should().beFreeOfCycles();
    }

    /** Nothing outside {@code module} reaches into its {@code internal} packages. */
    public static ArchRule internalsStayInside(String module) {
        return noClasses().that().resideOutsideOfPackage(module + "..").should().dependOnClassesThat()
                .resideInAPackage(module + ".internal..")
                .because(module + ".internal is that module's implementation, not its API");
    }

    /** Within {@code module}, only {@code allowedPackage} may use classes of {@code used}. */
    public static ArchRule onlyPackageMayUse(String module, String allowedPackage, String used) {
        return noClasses().that().resideInAPackage(module + "..").and().resideOutsideOfPackage(allowedPackage + "..")
                .should().dependOnClassesThat().resideInAPackage(used + "..")
                .because("in " + module + " only " + allowedPackage + " may use " + used);
    }

    /** The adapter {@code adapter} depends on no other adapter module. */
    public static ArchRule adapterIndependent(String adapter, List<String> otherAdapters) {
        return noClasses().that().resideInAPackage(adapter + "..").should().dependOnClassesThat()
                .resideInAnyPackage(otherAdapters.stream().map(a -> a + "..").toArray(String[]::new))
                .because("adapters never depend on each other");
    }
}
