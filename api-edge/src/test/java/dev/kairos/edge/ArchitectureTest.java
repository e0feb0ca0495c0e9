package dev.kairos.edge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module map's dependency rules, enforced on every build. */
class ArchitectureTest {
    private static JavaClasses kairos;

    @BeforeAll
    static void importClasses() {
        kairos = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kairos");
    }

    @Test
    void messagesAndSchedulingRulesAreFrameworkFree() {
        noClasses().that().resideInAnyPackage("dev.kairos.booking.common..", "dev.kairos.booking.catalog..",
                        "dev.kairos.booking.calendar..", "dev.kairos.booking.scheduling..", "dev.kairos.booking.series..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "com.fasterxml..", "tools.jackson..", "dev.kairos.booking.command..")
                .check(kairos);
    }

    /**
     * ical4j is not a framework, but it stays behind the two places that read iCalendar: the class that parses and
     * expands recurrence rules, and the edge's holiday import.
     */
    @Test
    void onlyRecurrenceRulesAndTheHolidayImportUseIcal4j() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.kairos.booking.series.Recurrence")
                .and().resideOutsideOfPackage("dev.kairos.edge.holidays..")
                .should().dependOnClassesThat().resideInAnyPackage("net.fortuna.ical4j..")
                .check(kairos);
    }

    @Test
    void noProjectionImportsAnAggregateOrTheEdge() {
        noClasses().that().resideInAnyPackage("dev.kairos.availability..", "dev.kairos.customers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kairos.booking.command..", "dev.kairos.edge..")
                .check(kairos);
    }

    @Test
    void theWriteSideKnowsNothingOfReadModelsOrTheEdge() {
        noClasses().that().resideInAPackage("dev.kairos.booking.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kairos.availability..", "dev.kairos.customers..",
                        "dev.kairos.edge..")
                .check(kairos);
    }

    @Test
    void aggregatesHoldNoSpring() {
        classes().that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.springframework..")
                .check(kairos);
    }

    @Test
    void rulesDoNotReadTheClockOrDrawRandomIds() {
        noClasses().that().resideInAnyPackage("dev.kairos.booking..", "dev.kairos.availability..", "dev.kairos.customers..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(kairos);
    }
}
