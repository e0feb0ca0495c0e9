package dev.kairos.booking;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The message artifact is shared by every side of the system and must stay free of frameworks. */
@AnalyzeClasses(packages = "dev.kairos.booking",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class NoFrameworkInMessagesTest {

    @ArchTest
    static final ArchRule messagesDependOnNoFramework = noClasses()
            .that().resideInAPackage("dev.kairos.booking..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "jakarta..", "com.fasterxml..")
            .because("booking-messages is a plain Java artifact without framework dependencies");
}
