package dev.dealeval.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md: the domain imports only java.*, and layers point inwards. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dealeval");

    @Test
    void theDomainImportsOnlyJava() {
        classes()
                .that()
                .resideInAPackage("dev.dealeval.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.dealeval.domain..")
                .check(MAIN);
    }

    @Test
    void theApplicationLayerKnowsNoApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.dealeval.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.dealeval.api..", "dev.dealeval.persistence..")
                .check(MAIN);
    }

    @Test
    void apiAndPersistenceDoNotKnowEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.dealeval.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dealeval.persistence..")
                .allowEmptyShould(true)
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.dealeval.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dealeval.api..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void theDomainAndTheApplicationLayerKnowNoPresentation() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.dealeval.domain..", "dev.dealeval.application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dealeval.presentation..")
                .check(MAIN);
    }

    @Test
    void thePresentationImportsOnlyJavaAndTheDomain() {
        classes()
                .that()
                .resideInAPackage("dev.dealeval.presentation..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.dealeval.domain..", "dev.dealeval.presentation..")
                .check(MAIN);
    }

    @Test
    void theServiceFailuresAreOneFamily() {
        classes()
                .that()
                .resideInAPackage("dev.dealeval.application.error")
                .and()
                .areAssignableTo(Throwable.class)
                .should()
                .beAssignableTo(dev.dealeval.application.error.ServiceException.class)
                .because("api/error/ProblemMappers maps the sealed ServiceException family in one place")
                .check(MAIN);
    }

    @Test
    void applicationAndDomainKnowNoAdapter() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.dealeval.application..", "dev.dealeval.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dealeval.adapter..")
                .check(MAIN);
    }
}
