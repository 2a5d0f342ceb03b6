package org.fangfei.app.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one way a scheduled job runs once across instances that share the database:
 * ShedLock's JDBC lock table ({@code shedlock}, V26). Every {@code @Scheduled} method
 * that works on shared data carries {@code @SchedulerLock(name = …)}; an instance whose
 * trigger finds the lock held skips that run. The lock is taken before any transaction of
 * the job starts and released after it ends (the advisor runs first).
 * <ul>
 * <li>Times are the database's ({@code usingDbTime}), so instances need not agree on the
 * clock.</li>
 * <li>{@code lockAtLeastFor} keeps a job from running again on another instance whose
 * trigger comes a little later: triggers within that time run the job once.</li>
 * <li>A held lock is extended while its job runs (keep-alive, every half of
 * {@code lockAtMostFor}), so a long backup keeps it, while the lock of an instance that
 * died frees itself after {@code lockAtMostFor} (30 minutes unless a job says
 * otherwise).</li>
 * <li>The row names the instance that holds it: host, process and a random part.</li>
 * </ul>
 * Work that belongs to one instance (its runner's heartbeat, flushing its own in-memory
 * counts) is scheduled without a lock; {@code SchedulerLockCoverageTests} lists it.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = SchedulerLocks.AT_MOST, order = Ordered.HIGHEST_PRECEDENCE)
public class SchedulerLocks implements DisposableBean {

	/** How long a lock outlives an instance that died holding it. */
	public static final String AT_MOST = "PT30M";

	/**
	 * Extends the locks of running jobs; not a bean, so that nothing else takes it for
	 * the application's executor.
	 */
	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "scheduler-lock-keep-alive");
		t.setDaemon(true);
		return t;
	});

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue(instance())
			.build()), this.keepAlive);
	}

	@Override
	public void destroy() {
		this.keepAlive.shutdownNow();
	}

	/**
	 * For work that is started both by a schedule and on demand (a backup): runs a task
	 * under a lock, or reports that another instance holds it.
	 */
	@Bean
	LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider,
			ObjectProvider<LockingTaskExecutorListener> listener) {
		return new DefaultLockingTaskExecutor(lockProvider,
				listener.getIfAvailable(() -> LockingTaskExecutorListener.NO_OP));
	}

	/**
	 * This instance, as written into the lock rows it holds: host, process, random part.
	 */
	private static String instance() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() > 255 ? id.substring(id.length() - 255) : id;
	}

}
