package org.fangfei.app.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.FangfeiApplication;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.FieldCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, "losing nothing": a backup restored into a fresh instance (its own data
 * directory and embedded PostgreSQL, the same keys) holds everything — every table's
 * rows, a clue with its timeline, the audit log, and phone numbers readable with the kept
 * keys.
 */
@IntegrationTest
class BackupRestoreTests {

	@Autowired
	Backups backups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	FieldCipher cipher;

	@Autowired
	Environment env;

	@TempDir
	Path temp;

	@Test
	void aBackupRestoredIntoAFreshInstanceHoldsEverything() throws Exception {
		long clueId = clueWithATimeline();
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from spring_session").query(Long.class).single())
			.as("a session in the database")
			.isPositive();
		Backups.BackupFile backup = this.backups.run().orElseThrow();
		Path file = this.backups.folder().resolve(backup.name());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.backups.list()).first().isEqualTo(backup);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'BACKUP' and target_id = :n")
			.param("n", backup.name())
			.query(Long.class)
			.single()).isOne();
		BackupArchive.Manifest manifest = BackupArchive.manifest(file);
		assertThat(manifest.rows()).containsKeys("clue", "clue_event", "audit_log", "person", "app_user");
		assertThat(manifest.rows().get("clue")).isPositive();
		assertThat(manifest.rows()).as("sessions, scheduler locks and rate limits are left out")
			.doesNotContainKeys(BackupArchive.TRANSIENT.toArray(String[]::new));

		List<Map<String, Object>> timeline = timeline(this.jdbc, clueId);
		List<Map<String, Object>> audit = auditUpTo(this.jdbc, maxAuditIdIn(file));
		Map<Long, String> phones = phones(this.jdbc, this.cipher);
		assertThat(phones).isNotEmpty();

		try (ConfigurableApplicationContext restored = restoredFrom(file)) {
			JdbcClient there = restored.getBean(JdbcClient.class);
			for (Map.Entry<String, Long> table : manifest.rows().entrySet()) {
				if (table.getKey().contains("tally")) {
					continue; // folded every few seconds: their sums are compared below
				}
				assertThat(there.sql("select count(*) from \"" + table.getKey() + "\"").query(Long.class).single())
					.as(table.getKey())
					.isEqualTo(table.getValue());
			}
			assertThat(tallies(there)).isEqualTo(tallies(this.jdbc));
			assertThat(timeline(there, clueId)).isEqualTo(timeline).hasSizeGreaterThanOrEqualTo(2);
			assertThat(auditUpTo(there, maxAuditIdIn(file))).isEqualTo(audit);
			assertThat(phones(there, restored.getBean(FieldCipher.class))).isEqualTo(phones);
			// the sequences continue after the restored rows
			long next = there.sql("select nextval(pg_get_serial_sequence('clue', 'id'))").query(Long.class).single();
			assertThat(next).isGreaterThan(clueId);
		}
	}

	@Test
	void noBackupIsWrittenWhileAnotherInstanceWritesOne() {
		int before = this.backups.list().size();
		this.jdbc
			.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values ('backup', timezone('utc', now()) + interval '10 minutes', timezone('utc', now()), 'another-instance')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
					  locked_by = excluded.locked_by
					""")
			.update();
		try {
			assertThat(this.backups.run()).isEmpty();
			assertThat(this.backups.list()).hasSize(before);
		}
		finally {
			this.jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = 'backup'").update();
		}
		assertThat(this.backups.run()).as("once it is done").isPresent();
	}

	@Test
	void aRestoreIntoADatabaseThatIsNotEmptyIsRefused() throws Exception {
		Backups.BackupFile backup = this.backups.run().orElseThrow();
		Path file = this.backups.folder().resolve(backup.name());
		Path dir = this.temp.resolve("twice");
		try (ConfigurableApplicationContext first = start(dir, file)) {
			assertThat(first.getBean(JdbcClient.class).sql("select count(*) from clue").query(Long.class).single())
				.isEqualTo(BackupArchive.manifest(file).rows().get("clue"));
		}
		assertThatThrownBy(() -> start(dir, file).close()).hasStackTraceContaining("数据库不是空的");
	}

	@Test
	void theSystemAdministratorSeesTheLastBackupAndOthersCannot() throws Exception {
		UserDetails sysadmin = this.accounts.ready("sysadmin");
		this.mvc.perform(post("/system/backups").with(user(sysadmin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Backups.BackupFile last = this.backups.list().get(0);
		this.mvc.perform(get("/system/backups").with(user(sysadmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(last.name())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("最近一次备份")));
		for (String other : List.of("secadmin", "auditadmin", "office")) {
			UserDetails u = this.accounts.ready(other);
			this.mvc.perform(get("/system/backups").with(user(u))).andExpect(status().isForbidden());
			this.mvc.perform(post("/system/backups").with(user(u)).with(csrf())).andExpect(status().isForbidden());
		}
	}

	@Test
	void backupsInTheSameSecondAreBothKeptAndPressingTheButtonPushesNoRecentBackupOut(
			@Autowired javax.sql.DataSource dataSource, @Autowired AuditLog audit,
			@Autowired org.springframework.transaction.support.TransactionTemplate tx,
			@Autowired net.javacrumbs.shedlock.core.LockingTaskExecutor locks) throws Exception {
		Path folder = this.temp.resolve("kept");
		Backups keepOne = new Backups(dataSource, this.jdbc, audit, tx, locks, folder, 1);
		Backups.BackupFile seed = keepOne.run().orElseThrow();
		List<Path> old = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Path copy = folder.resolve("fangfei-backup-20250101-00000" + i + ".zip");
			Files.copy(folder.resolve(seed.name()), copy);
			Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime
				.from(java.time.Instant.now().minus(java.time.Duration.ofDays(10 + i))));
			old.add(copy);
		}
		Path partial = Files.createFile(folder.resolve("fangfei-backup-20250101-000000.zip.partial"));
		Files.setLastModifiedTime(partial,
				java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));

		Backups.BackupFile a = keepOne.run().orElseThrow();
		Backups.BackupFile b = keepOne.run().orElseThrow();
		assertThat(List.of(seed.name(), a.name(), b.name())).doesNotHaveDuplicates();
		assertThat(folder.resolve(seed.name())).exists();
		assertThat(folder.resolve(a.name())).exists();
		assertThat(folder.resolve(b.name())).exists();
		assertThat(old).allSatisfy(p -> assertThat(p).doesNotExist());
		assertThat(partial).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(keepOne.list()).extracting(Backups.BackupFile::name)
			.containsExactly(b.name(), a.name(), seed.name());
	}

	@Test
	void theScheduleReadsInChinese() {
		assertThat(BackupPages.schedule("0 30 2 * * *")).isEqualTo("每天 02:30");
		assertThat(BackupPages.schedule("-")).isEqualTo("未开启定时备份");
		assertThat(BackupPages.schedule("0 0 */6 * * *")).isEqualTo("按计划 0 0 */6 * * *");
	}

	private ConfigurableApplicationContext restoredFrom(Path file) {
		return start(this.temp.resolve("restored"), file);
	}

	private ConfigurableApplicationContext start(Path dataDir, Path file) {
		return new SpringApplicationBuilder(FangfeiApplication.class).run("--fangfei.data-dir=" + dataDir,
				"--fangfei.embedded-db.port=0", "--server.port=0", "--fangfei.restore=" + file,
				"--fangfei.crypto.sm4-key=" + this.env.getProperty("fangfei.crypto.sm4-key"),
				"--fangfei.crypto.index-key=" + this.env.getProperty("fangfei.crypto.index-key"),
				"--fangfei.backup.cron=-");
	}

	private long clueWithATimeline() throws Exception {
		UserDetails office = this.accounts.ready("office");
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("source", "HOTLINE");
		form.put("sourceDetail", "12345");
		form.put("title", "备份恢复 " + System.nanoTime());
		form.put("description", "某公司以高息为诱饵向村民吸收资金");
		form.put("regionCode", "620422100001");
		form.put("amount", "20000");
		form.put("peopleCount", 12);
		form.put("informantName", "张三");
		form.put("informantPhone", "13912345678");
		String body = this.mvc
			.perform(post("/api/v1/clues").with(user(office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(form)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = JsonPath.parse(body).read("$.id", Long.class);
		int version = this.jdbc.sql("select version from clue where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post("/api/v1/clues/" + id + "/moves/ACCEPT").with(user(office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version + "}"))
			.andExpect(status().isOk());
		return id;
	}

	/** The running tallies' totals, which folding delta rows into the tally keeps. */
	private static List<Long> tallies(JdbcClient jdbc) {
		return List.of(jdbc.sql(
				"select (select coalesce(sum(n), 0) from clue_tally) + (select coalesce(sum(n), 0) from clue_tally_delta)")
			.query(Long.class)
			.single(),
				jdbc.sql("""
						select (select coalesce(sum(finished), 0) from clue_step_tally)
						     + (select coalesce(sum(finished), 0) from clue_step_tally_delta)""")
					.query(Long.class)
					.single());
	}

	private static List<Map<String, Object>> timeline(JdbcClient jdbc, long clueId) {
		return jdbc.sql("select * from clue_event where clue_id = :id order by id")
			.param("id", clueId)
			.query()
			.listOfRows();
	}

	private static List<Map<String, Object>> auditUpTo(JdbcClient jdbc, long maxId) {
		return jdbc.sql("select * from audit_log where id <= :max order by id")
			.param("max", maxId)
			.query()
			.listOfRows();
	}

	private static long maxAuditIdIn(Path file) throws Exception {
		// the audit log's sequence in the manifest is at least its highest id in the copy
		return BackupArchive.manifest(file).rows().get("audit_log") == 0 ? 0 : lastAuditId(file);
	}

	private static long lastAuditId(Path file) throws Exception {
		try (var zip = new java.util.zip.ZipFile(file.toFile())) {
			String data = new String(zip.getInputStream(zip.getEntry("data/audit_log.copy")).readAllBytes(),
					StandardCharsets.UTF_8);
			return data.lines().mapToLong(l -> Long.parseLong(l.substring(0, l.indexOf('\t')))).max().orElse(0);
		}
	}

	private static Map<Long, String> phones(JdbcClient jdbc, FieldCipher cipher) {
		Map<Long, String> phones = new LinkedHashMap<>();
		jdbc.sql("select id, phone_enc from person where phone_enc is not null order by id")
			.query((rs, n) -> Map.entry(rs.getLong(1), cipher.decrypt(rs.getBytes(2), "person.phone:" + rs.getLong(1))))
			.list()
			.forEach(e -> phones.put(e.getKey(), e.getValue()));
		return phones;
	}

}
