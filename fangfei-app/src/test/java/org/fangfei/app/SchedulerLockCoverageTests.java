package org.fangfei.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances share the database, so every scheduled job takes a scheduler lock of
 * its own name ({@code shared.SchedulerLocks}) — except the work that belongs to each
 * instance, listed here with the reason. A new {@code @Scheduled} method fails this test
 * until it says which it is.
 */
class SchedulerLockCoverageTests {

	/** Scheduled work of every instance on its own, with why. */
	private static final Map<String, String> PER_INSTANCE = Map.of("monitoring.BatchUpkeep.heartbeat",
			"this instance's batch runner reports the batches it holds", "audit.RepeatedFailures.closeEnded",
			"the failure windows are counted in this instance's memory");

	@Test
	void everyScheduledJobTakesALockOfItsOwnUnlessItIsAnInstancesOwnWork() {
		List<String> unlocked = new ArrayList<>();
		Map<String, String> lockOwners = new HashMap<>();
		List<String> seenPerInstance = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.fangfei.app")) {
			for (JavaMethod method : type.getMethods()) {
				if (!method.isAnnotatedWith(Scheduled.class)) {
					continue;
				}
				String job = type.getPackageName().substring("org.fangfei.app.".length()) + "." + type.getSimpleName()
						+ "." + method.getName();
				boolean locked = method.isAnnotatedWith(SchedulerLock.class);
				if (PER_INSTANCE.containsKey(job)) {
					assertThat(locked).as(job + " is each instance's own work and takes no lock").isFalse();
					seenPerInstance.add(job);
				}
				else if (!locked) {
					unlocked.add(job);
				}
				else {
					String name = method.getAnnotationOfType(SchedulerLock.class).name();
					assertThat(lockOwners.put(name, job)).as("lock " + name + " is taken by one job only").isNull();
				}
			}
		}
		assertThat(unlocked).as("scheduled jobs without a scheduler lock").isEmpty();
		assertThat(seenPerInstance).as("the per-instance list names scheduled methods that exist")
			.containsExactlyInAnyOrderElementsOf(PER_INSTANCE.keySet());
		assertThat(lockOwners).containsKeys("tip-rewards", "clue-deadline-watch", "clue-tally-fold",
				"monitoring-batch-upkeep", "backup-nightly", "session-cleanup", "rate-limit-expiry",
				"sign-in-known-expiry");
	}

}
