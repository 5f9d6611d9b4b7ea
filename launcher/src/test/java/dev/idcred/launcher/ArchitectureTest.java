package dev.idcred.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of the house: the sides never import each other; the shared language and the aggregates stay pure; the
 * stores the sides share on purpose are reached through named adapters only.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.idcred");

    private static final String[] JDBC = {"java.sql..", "javax.sql..", "org.springframework.jdbc..",
            "org.axonframework.common.jdbc..", "org.axonframework.eventsourcing.eventstore.jdbc..", "org.postgresql.."};

    /**
     * No package of these modules depends, through others, on itself ({@code shared} since the credential's events
     * live with their sealed interface and its fold). {@code command} is not listed yet: its credential handler and
     * the two credential aggregates refer to each other, and so do its directory and hygiene, its identity and sign-in
     * packages; one credential lifecycle (issue 21) is what unties them.
     */
    @Test
    void packagesOfEachModuleFormNoCycle() {
        for (String module : new String[]{"shared", "access", "query", "console", "launcher"}) {
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("dev.idcred." + module + ".(*)..").should().beFreeOfCycles()
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void commandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage("dev.idcred.command..")
                .should().dependOnClassesThat().resideInAPackage("dev.idcred.query..")
                .check(CLASSES);
    }

    @Test
    void querySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage("dev.idcred.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.idcred.command..")
                .check(CLASSES);
    }

    @Test
    void sharedEventsDependOnNothingButTheJdkAxonModellingAndValidation() {
        classes().that().resideInAPackage("dev.idcred.shared..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..",
                        "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                        "dev.idcred.shared..")
                .check(CLASSES);
    }

    @Test
    void aggregatesUseNoSpringAndNoStorage() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideReachesPostgresqlOnlyThroughItsEventLogPackage() {
        noClasses().that().resideInAPackage("dev.idcred.query..")
                .and().resideOutsideOfPackage("dev.idcred.query.eventlog..")
                .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                .because("the query side's own store is MongoDB; the event log is read through Axon's EventStore,"
                        + " the authorization table and the audit index through their ports in access")
                .check(CLASSES);
    }

    @Test
    void theAccessModuleReachesPostgresqlOnlyThroughItsTwoAdapters() {
        noClasses().that().resideInAPackage("dev.idcred.access..")
                .and().doNotHaveFullyQualifiedName("dev.idcred.access.gate.AuthorizationTable")
                .and().doNotHaveFullyQualifiedName("dev.idcred.access.audit.AuditIndex")
                .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                .check(CLASSES);
    }

    @Test
    void theConsoleTalksToTheServiceOnlyThroughItsPublicApi() {
        noClasses().that().resideInAPackage("dev.idcred.console..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.idcred.shared..", "dev.idcred.access..",
                        "dev.idcred.command..", "dev.idcred.query..")
                .because("the console is a backend for frontend: it knows the REST API, not the service's code")
                .check(CLASSES);
    }

    @Test
    void accessKnowsNeitherSide() {
        noClasses().that().resideInAPackage("dev.idcred.access..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.idcred.command..",
                        "dev.idcred.query..")
                .check(CLASSES);
    }
}
