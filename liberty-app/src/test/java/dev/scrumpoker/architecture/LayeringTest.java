package dev.scrumpoker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the layers: the domain knows no transport, serialisation or coordination technology, the
 * application knows its ports but none of their adapters, and the edges reach the adapters only through the
 * application's ports.
 */
@AnalyzeClasses(packages = "dev.scrumpoker", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] EDGE_TECHNOLOGIES = {
        "jakarta.ws.rs..", "jakarta.websocket..", "jakarta.json..", "org.redisson..", "com.stripe.."
    };

    @ArchTest
    static final ArchRule domainIsFreeOfTransportJsonAndRedis = noClasses()
            .that().resideInAPackage("dev.scrumpoker.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(EDGE_TECHNOLOGIES)
            .because("the rules of a room must read the same whatever carries or stores them");

    @ArchTest
    static final ArchRule domainDependsOnNothingAboveIt = noClasses()
            .that().resideInAPackage("dev.scrumpoker.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.scrumpoker.application..", "dev.scrumpoker.interfaces..", "dev.scrumpoker.infrastructure..");

    @ArchTest
    static final ArchRule applicationKnowsPortsNotAdapters = noClasses()
            .that().resideInAPackage("dev.scrumpoker.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.scrumpoker.interfaces..", "dev.scrumpoker.infrastructure..")
            .orShould().dependOnClassesThat().resideInAnyPackage(EDGE_TECHNOLOGIES)
            .because("an adapter implements a port; the use cases never name the adapter or its library");

    @ArchTest
    static final ArchRule interfacesGoThroughTheApplication = noClasses()
            .that().resideInAPackage("dev.scrumpoker.interfaces..")
            .should().dependOnClassesThat().resideInAPackage("dev.scrumpoker.infrastructure..");
}
