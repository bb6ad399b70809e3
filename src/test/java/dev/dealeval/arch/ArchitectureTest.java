package dev.dealeval.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluator;
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

    /**
     * The API copies an application's report into its answer; it never computes with the engine. No
     * class in dev.dealeval.api.. depends on the engine's compiled internals: {@link CompiledModel}
     * (with its nested classes, such as its Work scratch space) and {@link Evaluator}. What the engine
     * takes and gives (Bundle, BundleReader, Evaluation, Verdict, Stance, Violation, ProfileOverrides,
     * ProfileDraft) stays usable: those are the records a request and an answer are made of.
     */
    @Test
    void theApiDoesNotComputeWithTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("dev.dealeval.api..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(CompiledModel.class, Evaluator.class))
                .check(MAIN);
    }
}
