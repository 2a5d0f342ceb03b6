package org.fangfei.app.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.batchId;
import static org.fangfei.app.monitoring.MonitoringTestSupport.count;
import static org.fangfei.app.monitoring.MonitoringTestSupport.status;
import static org.fangfei.app.monitoring.MonitoringTestSupport.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Batches whose runner died are failed (at start-up and by the periodic job), batches of
 * live runners are not; uploads left waiting for their column mapping expire, are listed
 * on the page and can be deleted. No sleeps: times are set into the past.
 */
@IntegrationTest
class MonitoringUpkeepTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchRunner runner;

	@Autowired
	BatchUpkeep upkeep;

	@Autowired
	MonitoringBatches batches;

	@Autowired
	DataSource dataSource;

	private long batch(String status, String runnerId, String heartbeatAgo) {
		long id = this.jdbc.sql("""
				insert into monitoring_batch (file_name, file_kind, header_signature, region_code, uploaded_by, status,
				  phase, progress, runner_id, heartbeat_at, uploaded_at, started_at)
				values ('流水.csv', 'CSV', 'x', '620422000000', 'office', :status, '检测资金异动', 53, :runner,
				  now() - cast(:ago as interval), now() - interval '3 hours', now() - interval '3 hours')
				returning id
				""")
			.param("status", status)
			.param("runner", runnerId)
			.param("ago", heartbeatAgo)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into monitoring_batch_file (batch_id, content) values (:id, :c)")
			.param("id", id)
			.param("c", new byte[] { 1, 2, 3 })
			.update();
		return id;
	}

	@Test
	void aBatchWhoseRunnerStoppedReportingIsFailedOthersAreLeftRunning() throws Exception {
		long killed = batch("RUNNING", "other-host/4242/dead0001", "10 minutes");
		long neverStarted = batch("QUEUED", null, "10 minutes");
		long otherInstance = batch("RUNNING", "other-host/777/alive001", "5 seconds");
		long ours = batch("RUNNING", this.runner.runnerId(), "10 minutes");

		this.runner.heartbeat(); // the periodic job reports this process's batches first
		this.upkeep.onStart();

		for (long id : List.of(killed, neverStarted)) {
			assertThat(status(this.jdbc, id)).isEqualTo("FAILED");
			assertThat(this.jdbc.sql("select error from monitoring_batch where id = :id")
				.param("id", id)
				.query(String.class)
				.single()).isEqualTo("服务重启或处理进程中断，处理未完成，未写入任何数据；请重新上传文件");
			assertThat(count(this.jdbc, "select count(*) from monitoring_batch_file where batch_id = :p", id)).isZero();
			assertThat(count(this.jdbc,
					"select count(*) from audit_log where action = 'MONITORING_BATCH_INTERRUPTED' and target_id = :p",
					Long.toString(id)))
				.isEqualTo(1);
		}
		assertThat(status(this.jdbc, otherInstance)).as("another live instance's batch").isEqualTo("RUNNING");
		assertThat(status(this.jdbc, ours)).as("this runner's batch, just reported").isEqualTo("RUNNING");
		this.mvc.perform(get("/monitoring/batches/{id}/progress", killed).with(user(this.accounts.ready("office"))))
			.andExpect(content().string(containsString("处理进程中断")))
			.andExpect(content().string(not(containsString("hx-trigger"))));

		// the other instance dies too: the periodic pass fails its batch once it is stale
		this.jdbc.sql("update monitoring_batch set heartbeat_at = now() - interval '3 minutes' where id = :id")
			.param("id", otherInstance)
			.update();
		assertThat(this.upkeep.failAbandoned()).isEqualTo(1);
		assertThat(status(this.jdbc, otherInstance)).isEqualTo("FAILED");
		this.jdbc.sql("update monitoring_batch set status = 'FAILED' where id = :id").param("id", ours).update();
	}

	private static final byte[] NEW_HEADER = "交易时间,付款账号,收款账号,交易金额,过期测试备注\n2026-03-01 10:00:00,6222001,6222002,5.00,\n"
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	@Test
	void pendingUploadsExpireAreListedAndCanBeDeleted() throws Exception {
		UserDetails huishi = this.accounts.ready("huishi");
		long old = batchId(upload(this.mvc, huishi, "会师镇-旧.csv", NEW_HEADER));
		long fresh = batchId(upload(this.mvc, huishi, "会师镇-新.csv", NEW_HEADER));
		assertThat(status(this.jdbc, old)).isEqualTo("MAPPING");
		this.jdbc.sql("update monitoring_batch set uploaded_at = now() - interval '25 hours' where id = :id")
			.param("id", old)
			.update();

		// another instance holds the job's scheduler lock: this one's run does nothing
		this.jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('monitoring-batch-upkeep', timezone('utc', now()) + interval '1 minute', timezone('utc', now()),
				  'another-instance')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
				  locked_by = excluded.locked_by
				""").update();
		try {
			this.upkeep.scheduled();
			assertThat(status(this.jdbc, old)).isEqualTo("MAPPING");
		}
		finally {
			this.jdbc
				.sql("update shedlock set lock_until = timezone('utc', now()) where name = 'monitoring-batch-upkeep'")
				.update();
		}

		assertThat(this.batches.expirePending()).isGreaterThanOrEqualTo(1);
		assertThat(status(this.jdbc, old)).isEqualTo("FAILED");
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch_file where batch_id = :p", old)).isZero();
		assertThat(count(this.jdbc,
				"select count(*) from audit_log where action = 'MONITORING_PENDING_EXPIRED' and target_id = :p",
				Long.toString(old)))
			.isEqualTo(1);
		assertThat(status(this.jdbc, fresh)).isEqualTo("MAPPING");
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch_file where batch_id = :p", fresh))
			.isEqualTo(1);
		this.mvc.perform(get("/monitoring/batches/{id}/mapping", old).with(user(huishi)))
			.andExpect(redirectedUrl("/monitoring/batches/" + old));
		this.mvc.perform(get("/monitoring/batches/{id}", old).with(user(huishi)))
			.andExpect(content().string(containsString("超过 24 小时未确认列对应，上传的文件已自动删除")));

		// the page lists what is pending: who, when, size, expiry, and a delete button
		String page = this.mvc.perform(get("/monitoring").with(user(huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String pending = page.substring(page.indexOf("id=\"pending-uploads\""), page.indexOf("id=\"batch-table\""));
		assertThat(pending).contains("待确认列对应", "会师镇-新.csv", "会师镇 张伟", "1 KB", "delete-" + fresh)
			.doesNotContain("会师镇-旧.csv");

		// outside the jurisdiction it does not exist; without the permission it is
		// refused
		this.mvc
			.perform(post("/monitoring/batches/{id}/delete", fresh).with(user(this.accounts.ready("hepan")))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/monitoring/batches/{id}/delete", fresh).with(user(this.accounts.ready("market")))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(status(this.jdbc, fresh)).isEqualTo("MAPPING");

		this.mvc.perform(post("/monitoring/batches/{id}/delete", fresh).with(user(huishi)).with(csrf()))
			.andExpect(redirectedUrl("/monitoring"));
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch where id = :p", fresh)).isZero();
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch_file where batch_id = :p", fresh)).isZero();
		assertThat(count(this.jdbc,
				"select count(*) from audit_log where action = 'MONITORING_PENDING_DELETE' and target_id = :p"
						+ " and actor = 'huishi'",
				Long.toString(fresh)))
			.isEqualTo(1);

		// an expired upload is no longer pending: deleting it is refused with the reason
		this.mvc.perform(post("/monitoring/batches/{id}/delete", old).with(user(huishi)).with(csrf()))
			.andExpect(content().string(containsString("这个上传已失效")));
	}

	private static final byte[] RACE_HEADER = "交易时间,付款账号,收款账号,交易金额,失效竞争备注\n2026-03-01 10:00:00,6222001,6222002,5.00,\n"
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	@Test
	void aMappingPostedWhileTheUploadExpiresWritesNothing() throws Exception {
		UserDetails huishi = this.accounts.ready("huishi");
		long id = batchId(upload(this.mvc, huishi, "会师镇-竞争.csv", RACE_HEADER));
		assertThat(status(this.jdbc, id)).isEqualTo("MAPPING");

		// the upload expires in another transaction that commits only once the mapping
		// has read the still waiting batch and its file and waits for the batch's row
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement expire = other.prepareStatement(
					"update monitoring_batch set status = 'FAILED', phase = '已过期', error = '已过期' where id = ?");
					PreparedStatement file = other
						.prepareStatement("delete from monitoring_batch_file where batch_id = ?")) {
				expire.setLong(1, id);
				expire.executeUpdate();
				file.setLong(1, id);
				file.executeUpdate();
			}
			CompletableFuture<MvcResult> posted = CompletableFuture.supplyAsync(() -> {
				try {
					return this.mvc
						.perform(post("/monitoring/batches/{id}/mapping", id).with(user(huishi))
							.with(csrf())
							.param("TIME", "0")
							.param("PAYER_ACCOUNT", "1")
							.param("PAYEE_ACCOUNT", "2")
							.param("AMOUNT", "3")
							.param("MEMO", "4"))
						.andReturn();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!posted.isDone() && this.jdbc.sql("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query like '%update monitoring_batch set mapping%'
					""").query(Long.class).single() == 0) {
				assertThat(System.nanoTime()).as("the mapping waits for the batch's row").isLessThan(deadline);
				Thread.sleep(20);
			}
			other.commit();
			MvcResult result = posted.get(30, TimeUnit.SECONDS);
			assertThat(result.getResponse().getStatus()).as("not a server error").isLessThan(500);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/monitoring/batches/" + id);
		}
		assertThat(status(this.jdbc, id)).isEqualTo("FAILED");
		assertThat(count(this.jdbc, "select count(*) from monitoring_mapping where header like :p", "%失效竞争备注%"))
			.as("no mapping remembered")
			.isZero();
		assertThat(count(this.jdbc,
				"select count(*) from audit_log where action = 'MONITORING_MAPPING' and target_id = :p",
				Long.toString(id)))
			.as("no audit row")
			.isZero();
	}

}
