package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登记窗口: the periods in which a case's participants register themselves
 * ({@link ClaimWindowRules}). Opened and closed by the lead region's office, on the
 * case's timeline and audited; the public page lists the windows taking claims today.
 */
@Service
class ClaimWindows {

	/** A window as listed. */
	record Window(long id, long caseId, int seq, LocalDate opensOn, LocalDate closesOn, String notice,
			OffsetDateTime closedAt, long claims) {

		public boolean supplementary() {
			return this.seq > 1;
		}

		public String label() {
			return supplementary() ? "第" + (this.seq - 1) + "次补充登记" : "首次登记";
		}

		public boolean closed() {
			return this.closedAt != null;
		}

		public boolean accepting() {
			return ClaimWindowRules.accepting(this.opensOn, this.closesOn, closed(), LocalDate.now());
		}

		public String state() {
			if (closed()) {
				return "已关闭";
			}
			if (LocalDate.now().isBefore(this.opensOn)) {
				return "未开始";
			}
			return LocalDate.now().isAfter(this.closesOn) ? "已到期" : "登记中";
		}

	}

	/** A window open to the public, with the case it is for. */
	record Public(long windowId, String caseCode, String caseTitle, String label, LocalDate opensOn, LocalDate closesOn,
			String notice) {
	}

	private static final String SELECT = """
			select w.*, (select count(*) from case_claim cl where cl.window_id = w.id) as claims
			from case_claim_window w""";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final AuditLog audit;

	ClaimWindows(JdbcClient jdbc, Cases cases, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	@Transactional
	long open(long caseId, int seenVersion, LocalDate opensOn, LocalDate closesOn, String notice, Actor actor) {
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		boolean anotherOpen = of(caseId).stream().anyMatch(w -> !w.closed() && !w.closesOn().isBefore(LocalDate.now()));
		ClaimWindowRules.check(opensOn, closesOn, notice, anotherOpen, LocalDate.now());
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from case_claim_window where case_id = :c")
			.param("c", caseId)
			.query(Integer.class)
			.single();
		String label = seq > 1 ? "第" + (seq - 1) + "次补充登记" : "首次登记";
		c.record("开放登记", label + " " + opensOn + " 至 " + closesOn);
		this.cases.save(c, actor);
		long id = this.jdbc.sql("""
				insert into case_claim_window (case_id, seq, opens_on, closes_on, notice, opened_by)
				values (:c, :seq, :opens, :closes, :notice, :by) returning id""")
			.param("c", caseId)
			.param("seq", seq)
			.param("opens", opensOn)
			.param("closes", closesOn)
			.param("notice", notice.strip())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("CASE_CLAIM_WINDOW_OPEN", "case", caseId,
				c.code() + " 开放参与人登记（" + label + " " + opensOn + " 至 " + closesOn + "）", null, null);
		return id;
	}

	@Transactional
	void close(long caseId, int seenVersion, long windowId, Actor actor) {
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Window w = get(caseId, windowId);
		if (w.closed()) {
			throw new Rejected("该登记窗口已关闭");
		}
		c.record("关闭登记", w.label() + " 已关闭，共登记 " + w.claims() + " 人次");
		this.cases.save(c, actor);
		this.jdbc.sql("update case_claim_window set closed_at = now(), closed_by = :by where id = :id")
			.param("by", actor.username())
			.param("id", windowId)
			.update();
		this.audit.success("CASE_CLAIM_WINDOW_CLOSE", "case", caseId, c.code() + " 关闭参与人登记（" + w.label() + "）", null,
				null);
	}

	List<Window> of(long caseId) {
		return this.jdbc.sql(SELECT + " where w.case_id = :c order by w.seq")
			.param("c", caseId)
			.query((rs, n) -> window(rs))
			.list();
	}

	Window get(long caseId, long windowId) {
		return this.jdbc.sql(SELECT + " where w.case_id = :c and w.id = :id")
			.param("c", caseId)
			.param("id", windowId)
			.query((rs, n) -> window(rs))
			.optional()
			.orElseThrow(() -> new Rejected("登记窗口不存在"));
	}

	/**
	 * The windows taking claims today, for the public page; nothing about the case but
	 * its title.
	 */
	List<Public> accepting() {
		return this.jdbc.sql("""
				select w.id, c.code, c.title, w.seq, w.opens_on, w.closes_on, w.notice from case_claim_window w
				join case_file c on c.id = w.case_id
				where w.closed_at is null and w.opens_on <= :today and w.closes_on >= :today
				  and c.stage <> 'CLOSED'
				order by w.closes_on, w.id""")
			.param("today", LocalDate.now())
			.query((rs, n) -> new Public(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getInt(4) > 1 ? "补充登记" : "登记", rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
	}

	/** A window taking claims today, for a submission. */
	Optional<Public> acceptingWindow(Long windowId) {
		if (windowId == null) {
			return Optional.empty();
		}
		return accepting().stream().filter(w -> w.windowId() == windowId).findFirst();
	}

	/** The case's window taking claims today, if any. */
	Optional<Long> acceptingFor(long caseId) {
		return this.jdbc.sql("""
				select id from case_claim_window where case_id = :c and closed_at is null
				  and opens_on <= :today and closes_on >= :today order by id limit 1""")
			.param("c", caseId)
			.param("today", LocalDate.now())
			.query(Long.class)
			.optional();
	}

	private static Window window(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Window(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("seq"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getString("notice"), Times.local(rs.getObject("closed_at", OffsetDateTime.class)),
				rs.getLong("claims"));
	}

}
