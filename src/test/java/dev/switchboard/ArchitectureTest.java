package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import dev.switchboard.provider.ApiObserver;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering of STYLE.md, checked on the compiled application (not the tests): target systems are
 * plug-ins that the generic packages never name, no system leans on another, and the pure core
 * (model, diff, plan, render) needs no framework, network or Git.
 */
class ArchitectureTest {

    /** The application's classes, without the tests (which may use any system as a fixture). */
    static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard");

    private static final String SYSTEMS = "dev.switchboard.systems..";

    static final ArchRule genericPackagesNeverDependOnASystem = noClasses()
            .that().resideInAPackage("dev.switchboard..").and().resideOutsideOfPackage(SYSTEMS)
            .should().dependOnClassesThat().resideInAPackage(SYSTEMS)
            .as("generic packages never depend on a target system's package")
            .because("a new system must be a new package, found through TargetSystems, with no edit elsewhere");

    static final ArchRule noSystemDependsOnAnother = slices().matching("dev.switchboard.systems.(*)..")
            .should().notDependOnEachOther()
            .as("no target system depends on another");

    static final ArchRule pureCoreUsesNoFrameworkNetworkOrGit = noClasses()
            .that().resideInAnyPackage("dev.switchboard.model..", "dev.switchboard.diff..", "dev.switchboard.plan..",
                    "dev.switchboard.render..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax.inject..",
                    "org.eclipse.jgit..", "java.net.http..", "io.vertx..", "org.jboss.resteasy..", "com.sun.net.httpserver..",
                    "org.eclipse.microprofile..")
            .as("model, diff, plan and render import no Quarkus, CDI, HTTP or JGit");

    static final ArchRule modelIsTheBottomLayer = classes().that().resideInAPackage("dev.switchboard.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.model..", "java..",
                    "com.fasterxml.jackson..")
            .as("model depends on the JDK and Jackson only");

    static final ArchRule diffSitsOnModel = classes().that().resideInAPackage("dev.switchboard.diff..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.model..", "dev.switchboard.diff..",
                    "java..", "com.fasterxml.jackson..")
            .as("diff depends on model only");

    static final ArchRule planSitsOnDiffAndModel = classes().that().resideInAPackage("dev.switchboard.plan..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.model..", "dev.switchboard.diff..",
                    "dev.switchboard.plan..", "java..", "com.fasterxml.jackson..")
            .as("plan depends on model and diff only");

    static final ArchRule renderSitsOnPlan = classes().that().resideInAPackage("dev.switchboard.render..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.model..", "dev.switchboard.diff..",
                    "dev.switchboard.plan..", "dev.switchboard.render..", "java..", "com.fasterxml.jackson..")
            .as("render depends on model, diff and plan only");

    static final ArchRule desiredStateLoadingIsOffline = noClasses().that().resideInAPackage("dev.switchboard.desired..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.provider..", "dev.switchboard.sim..",
                    "dev.switchboard.plan..", "dev.switchboard.apply..", "dev.switchboard.engine..", "dev.switchboard.system..",
                    "io.quarkus..", "jakarta..", "org.eclipse.jgit..", "java.net.http..")
            .as("desired loads files offline: no provider, simulator, plan, engine, SPI, Quarkus, CDI, HTTP or JGit");

    static final ArchRule theSpiSitsBelowTheEngine = noClasses().that().resideInAPackage("dev.switchboard.system..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.plan..", "dev.switchboard.apply..",
                    "dev.switchboard.engine..", "dev.switchboard.cli..", "dev.switchboard.daemon..", "dev.switchboard.git..")
            .as("the target-system SPI depends on no plan, apply, engine, cli, daemon or git");

    static final ArchRule providersAndSimulatorsDoNotDecide = noClasses()
            .that().resideInAnyPackage("dev.switchboard.provider..", "dev.switchboard.sim..", SYSTEMS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.plan..", "dev.switchboard.apply..",
                    "dev.switchboard.engine..", "dev.switchboard.cli..", "dev.switchboard.daemon..", "dev.switchboard.git..")
            .as("providers, simulators and systems map and write: they depend on no plan, apply, engine, cli, daemon or git");

    static final ArchRule simulatorsKnowTheDocumentNotTheClient = noClasses()
            .that().resideInAnyPackage("dev.switchboard.sim..", "dev.switchboard.systems.*.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.provider..", "dev.switchboard.model..",
                    "dev.switchboard.desired..", "dev.switchboard.diff..", "dev.switchboard.system")
            .as("simulators depend on the shared simulator plumbing only, never on the provider side")
            .because("a simulator stands in for the vendor's server and must not share the client's assumptions");

    static final ArchRule cliAndDaemonGoThroughTheEngine = noClasses()
            .that().resideInAnyPackage("dev.switchboard.cli..", "dev.switchboard.daemon..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.switchboard.provider..", "dev.switchboard.diff..")
                    .and(not(equivalentTo(ApiObserver.class))))
            .as("cli and daemon reach providers and the diff only through the engine (the daemon may observe API calls)");

    /** A method of a REST Client interface: one with a JAX-RS method annotation (every system's *Api). */
    private static final DescribedPredicate<JavaMethod> REST_CLIENT_CALL = DescribedPredicate.describe(
            "declared in an interface with a JAX-RS method annotation", method -> method.getOwner().isInterface()
                    && Stream.of(GET.class, POST.class, PUT.class, DELETE.class).anyMatch(method::isAnnotatedWith));

    static final ArchRule restClientCallsAnswerWithACompletionStage = methods().that(REST_CLIENT_CALL)
            .should().haveRawReturnType(CompletionStage.class)
            .as("REST Client methods return CompletionStage<Response>, which ApiCaller waits for")
            .because("a blocking method returning Response streams its body to the waiting thread a piece at a time,"
                    + " an extra wake-up of the event loop and of that thread for every call (see ApiCaller)");

    static Stream<ArchRule> rules() {
        return Stream.of(genericPackagesNeverDependOnASystem, noSystemDependsOnAnother, pureCoreUsesNoFrameworkNetworkOrGit,
                modelIsTheBottomLayer, diffSitsOnModel, planSitsOnDiffAndModel, renderSitsOnPlan,
                desiredStateLoadingIsOffline, theSpiSitsBelowTheEngine, providersAndSimulatorsDoNotDecide,
                simulatorsKnowTheDocumentNotTheClient, cliAndDaemonGoThroughTheEngine, restClientCallsAnswerWithACompletionStage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(APPLICATION);
    }
}
