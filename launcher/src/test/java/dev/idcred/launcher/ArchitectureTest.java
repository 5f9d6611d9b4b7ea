package dev.idcred.launcher;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
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
     * No package of any module depends, through others, on itself. On the command side the credential kinds share
     * their rules ({@code credential}) and the commands every kind answers are routed from {@code lifecycle}; the
     * directory tells its listeners of access changes through a port ({@code directory.AccessChanges}) that the
     * rights drift implements; usernames are the sign-in's.
     */
    @Test
    void packagesOfEachModuleFormNoCycle() {
        for (String module : new String[]{"shared", "access", "command", "query", "console", "launcher"}) {
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

    /**
     * An event is the outcome of a command: it enters the log only from a command handler, an aggregate's (or an
     * aggregate member's) {@code AggregateLifecycle.apply}, or a dedicated handler's {@code EventBus} or
     * {@code EventGateway} {@code publish}. A filter, a projector, a query handler or a scheduled task that has
     * something to record sends a command.
     */
    @Test
    void onlyCommandHandlersAppendEvents() {
        noClasses().that(DescribedPredicate.not(HANDLE_COMMANDS))
                .should().callMethodWhere(PUBLISHES_AN_EVENT)
                .because("events enter the log as the outcome of a command (issue 21)")
                .check(CLASSES);
        noClasses().that(DescribedPredicate.not(ARE_AGGREGATES))
                .should().callMethodWhere(APPLIES_AN_EVENT)
                .because("only an aggregate applies events to itself")
                .check(CLASSES);
    }

    private static final DescribedPredicate<JavaClass> HANDLE_COMMANDS = DescribedPredicate.describe(
            "handle commands", type -> type.getMethods().stream()
                    .anyMatch(method -> method.isAnnotatedWith(CommandHandler.class)));

    private static final DescribedPredicate<JavaClass> ARE_AGGREGATES = DescribedPredicate.describe(
            "are aggregates or their members", type -> type.isAnnotatedWith(Aggregate.class)
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventSourcingHandler.class)));

    private static final DescribedPredicate<JavaMethodCall> PUBLISHES_AN_EVENT = DescribedPredicate.describe(
            "publish an event", call -> call.getName().equals("publish")
                    && (call.getTargetOwner().isAssignableTo(EventBus.class)
                    || call.getTargetOwner().isAssignableTo(EventGateway.class)));

    private static final DescribedPredicate<JavaMethodCall> APPLIES_AN_EVENT = DescribedPredicate.describe(
            "apply an event", call -> call.getTargetOwner().isEquivalentTo(AggregateLifecycle.class)
                    && (call.getName().equals("apply") || call.getName().equals("createNew")));
}
