package dev.switchboard.systems;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every target system of the application is a CDI bean in a package of its own, and the tests see each one. */
class InstalledSystemsTest {

    private static final Set<JavaClass> IMPLEMENTATIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard").stream()
            .filter(c -> c.isAssignableTo(TargetSystem.class) && !c.isInterface()
                    && !c.getModifiers().contains(JavaModifier.ABSTRACT))
            .collect(Collectors.toSet());

    @Test
    void theTestsListEverySystemTheApplicationHas() {
        Set<String> application = IMPLEMENTATIONS.stream().map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> tests = InstalledSystems.all().all().stream().map(s -> s.getClass().getName()).collect(Collectors.toSet());
        assertThat(tests).as("InstalledSystems, the test fixture of the systems").isEqualTo(application);
    }

    @Test
    void everySystemIsABeanInItsOwnPackageUnderSystems() {
        for (JavaClass system : IMPLEMENTATIONS) {
            assertThat(system.isAnnotatedWith(ApplicationScoped.class)).as(system.getName() + " is @ApplicationScoped").isTrue();
            assertThat(system.getPackageName()).as(system.getName()).matches("dev\\.switchboard\\.systems\\.[a-z0-9]+");
        }
        assertThat(IMPLEMENTATIONS.stream().map(JavaClass::getPackageName).distinct()).hasSize(IMPLEMENTATIONS.size());
    }

    @Test
    void everySystemDescribesItsKindsAsItsFilesDo() {
        for (TargetSystem system : InstalledSystems.all().all()) {
            assertThat(system.files().targetKind()).isEqualTo(system.targetKind());
            assertThat(system.files().kinds()).as(system.targetKind()).isEqualTo(system.resourceKinds());
            assertThat(system.providers().targetKind()).isEqualTo(system.targetKind());
            assertThat(system.providers().kinds()).as(system.targetKind()).isEqualTo(system.resourceKinds());
            for (KindDescriptor kind : system.kinds()) {
                assertThat(kind.kind().targetKind()).isEqualTo(system.targetKind());
                assertThat(system.resourceKinds()).as("parents of " + kind.kind()).containsAll(kind.parents());
                assertThat(kind.keyParts()).as("key of " + kind.kind()).isNotEmpty();
            }
            assertThat(system.simulator(dev.switchboard.sim.SimCredentials.DEFAULT).pathPrefixes()).isNotEmpty();
        }
    }
}
