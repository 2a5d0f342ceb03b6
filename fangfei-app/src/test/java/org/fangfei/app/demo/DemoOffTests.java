package org.fangfei.app.demo;

import java.nio.file.Path;
import java.util.List;

import org.fangfei.app.FangfeiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a real county starts with {@code --fangfei.demo=false} — only the three
 * administrators, empty ledgers, no region tree until it imports its own — and a later
 * start that forgets the flag still adds no demo data: demo and real data never mix.
 */
class DemoOffTests {

	@TempDir
	static Path dir;

	private static final List<String> LEDGERS = List.of("region", "grid", "department", "person", "subject", "building",
			"building_sweep", "patrol", "clue", "clue_event", "meeting", "tip", "reward", "monitoring_batch",
			"monitoring_alert", "bulletin", "notice", "case_file", "petition", "credit_entry");

	private static ConfigurableApplicationContext start(String... more) {
		List<String> args = new java.util.ArrayList<>(
				List.of("--fangfei.data-dir=" + dir.resolve("data"), "--fangfei.embedded-db.port=0", "--server.port=0",
						"--fangfei.backup.cron=-", "--spring.main.banner-mode=off"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(FangfeiApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void aRealCountyStartsEmptyAndStaysFreeOfDemoData() {
		try (ConfigurableApplicationContext app = start("--fangfei.data-dir-fresh=true", "--fangfei.demo=false")) {
			assertEmpty(app.getBean(JdbcClient.class));
		}
		// the flag forgotten on the next start: the database is marked as a real one
		try (ConfigurableApplicationContext app = start("--fangfei.data-dir-fresh=false",
				"--fangfei.demo-history=true")) {
			assertEmpty(app.getBean(JdbcClient.class));
		}
	}

	private static void assertEmpty(JdbcClient jdbc) {
		for (String table : LEDGERS) {
			assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
		}
		assertThat(jdbc.sql("select username from app_user order by username").query(String.class).list())
			.containsExactly("auditadmin", "secadmin", "sysadmin");
		assertThat(jdbc.sql("select name from demo_part").query(String.class).list())
			.containsExactly("(no demo: fangfei.demo=false)");
	}

}
