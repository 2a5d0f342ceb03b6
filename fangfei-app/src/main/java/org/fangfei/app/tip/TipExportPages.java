package org.fangfei.app.tip;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The tips of the caller's jurisdiction as an .xlsx file: what staff see on the list and
 * the tip page, never who reported — the reporter's table is not read, and 匿名/实名 is the
 * only word about the reporter (条例 art. 16: the identity is revealed only with
 * {@code tip:reporter:reveal}, a reason and an audit row, one tip at a time). Audited
 * with its row count.
 */
@Controller
class TipExportPages {

	static final List<String> HEADER = List.of("举报编号", "举报时间", "所在区划", "被举报对象", "对象地址", "经营内容", "举报内容", "涉及金额(元)",
			"涉及人数", "举报方式", "申请奖励", "线索编号", "进度", "补充次数");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TipExportPages(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@GetMapping("/tips/export")
	@PreAuthorize("hasAuthority('tip:tip:export')")
	@Transactional
	ResponseEntity<byte[]> export(Actor actor) {
		List<List<String>> rows = this.jdbc
			.sql("""
					select t.id, t.created_at, r.name region_name, t.subject_name, t.subject_address, t.subject_business,
					  t.what_happened, t.amount_fen, t.people_count, t.anonymous, t.wants_reward, t.clue_code, t.clue_progress,
					  (select count(*) from tip_message m where m.tip_id = t.id and m.direction = 'FROM_REPORTER') additions
					from tip t join region r on r.code = t.region_code
					where t.region_code like :regionLike order by t.id desc limit :limit
					""")
			.param("regionLike", actor.scope().regionLike())
			.param("limit", Exports.MAX_ROWS + 1)
			.query((rs, n) -> Arrays.asList("#" + rs.getLong("id"),
					Exports.time(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("region_name"),
					rs.getString("subject_name"), rs.getString("subject_address"), rs.getString("subject_business"),
					rs.getString("what_happened"), Money.yuan(rs.getObject("amount_fen", Long.class)),
					Exports.text(rs.getObject("people_count", Integer.class)), rs.getBoolean("anonymous") ? "匿名" : "实名",
					Exports.yesNo(rs.getBoolean("wants_reward")), rs.getString("clue_code"),
					TipStatus.of(rs.getString("clue_progress")).label(), String.valueOf(rs.getInt("additions"))))
			.list();
		if (rows.size() > Exports.MAX_ROWS) {
			throw new Rejected("举报超过 " + Exports.MAX_ROWS + " 条，无法一次导出。");
		}
		this.audit.success("EXPORT", "tip", null, "导出群众举报 " + rows.size() + " 行(不含举报人身份)", null, null);
		return Uploads.xlsx(Exports.filename("群众举报"), TabularFile.writeXlsx("群众举报", HEADER, rows));
	}

}
