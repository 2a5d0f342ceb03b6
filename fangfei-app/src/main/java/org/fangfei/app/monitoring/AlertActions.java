package org.fangfei.app.monitoring;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clerk does with an alert: turn it into a clue (转为线索, channel 监测预警, the alert id
 * as the source reference so it becomes exactly one clue) or dismiss it (排除) with a
 * reason. Both are audited; an alert is handled once.
 */
@Service
class AlertActions {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The clue an alert became, and whether it already had. */
	record Clued(long clueId, String clueCode, boolean replayed) {
	}

	private final JdbcClient jdbc;

	private final Alerts alerts;

	private final ClueIntake intake;

	private final HolderSubjects holders;

	private final AuditLog audit;

	AlertActions(JdbcClient jdbc, Alerts alerts, ClueIntake intake, HolderSubjects holders, AuditLog audit) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.intake = intake;
		this.holders = holders;
		this.audit = audit;
	}

	/**
	 * Registers a {@code MONITORING} clue from the alert in the region the user chose (a
	 * bank account has none), amount = money in, linked to the ledger subject whose name
	 * (or credit code) is the account holder's. A second call returns the same clue.
	 */
	@Transactional
	public Clued toClue(long id, String regionCode, Actor actor) {
		AlertRow alert = this.alerts.get(id, actor.scope());
		if (alert.status() == AlertStatus.CLUED) {
			return new Clued(alert.clueId(), alert.clueCode(), true);
		}
		if (alert.status() == AlertStatus.DISMISSED) {
			throw new Conflict("该预警已被排除(" + alert.dismissReason() + ")，不能再转为线索");
		}
		if (regionCode == null || regionCode.isBlank()) {
			throw new Rejected("请选择线索所在区划", Map.of("regionCode", "请选择线索所在区划"));
		}
		String holder = alert.holderName() != null ? alert.holderName()
				: this.alerts.holderOf(alert.account(), actor.scope());
		ClueIntake.Registered clue = this.intake
			.register(form(alert, holder, regionCode.strip(), subjectsNamed(holder, actor.scope())), actor);
		int updated = this.jdbc.sql("""
				update monitoring_alert set status = 'CLUED', clue_id = :clue, clue_code = :code, handled_by = :by,
				  handled_at = :now, holder_name = coalesce(holder_name, :holder)
				where id = :id and status = 'NEW'
				""")
			.param("clue", clue.id())
			.param("code", clue.code())
			.param("by", actor.username())
			.param("holder", holder)
			.param("now", Times.now())
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new Conflict("该预警刚刚已被他人处理，请刷新页面");
		}
		this.audit.success("MONITORING_ALERT_CLUE", "monitoring_alert", id,
				"预警 " + alert.alertNumber() + " 转为线索 " + clue.code(), null, null);
		return new Clued(clue.id(), clue.code(), clue.replayed());
	}

	static ClueForm form(AlertRow alert, String holder, String regionCode, List<Long> subjectIds) {
		String who = holder == null ? "账户 " + alert.account() : holder + "(账户 " + alert.account() + ")";
		String title = MonitoringBatches.truncate("资金异动：" + who + " " + alert.patternLabel(), 200);
		String description = MonitoringBatches.truncate("""
				%s
				预警编号：%s；来源：%s；模式：%s；评分：%d
				时间：%s 至 %s；涉及交易 %d 笔，交易对手 %d 个；转入 %s 元，转出 %s 元。""".formatted(alert.explanationText(),
				alert.alertNumber(), alert.sourceLabel(), alert.patternLabel(), alert.score(),
				MINUTES.format(alert.firstTime()), MINUTES.format(alert.lastTime()), alert.txCount(),
				alert.counterparties(), alert.amountIn(), alert.amountOut()), 5000);
		return new ClueForm(ClueSource.MONITORING, "资金监测预警(" + alert.sourceLabel() + ")", alert.alertId(), null, title,
				description, regionCode, "", "", alert.amountInFen() > 0 ? alert.amountIn() : "", null, null,
				subjectIds, "", null, "", "", "", null);
	}

	/**
	 * Ledger subjects within scope whose name is exactly the holder's, or whose credit
	 * code the holder's name carries.
	 */
	List<Long> subjectsNamed(String holder, DataScope scope) {
		return this.holders.of(holder, scope);
	}

	/** Dismisses a waiting alert (排除) with the reason. */
	@Transactional
	public AlertRow dismiss(long id, String reason, Actor actor) {
		AlertRow alert = this.alerts.get(id, actor.scope());
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new Rejected("请填写排除理由(500 字以内)", Map.of("reason", "请填写排除理由(500 字以内)"));
		}
		if (alert.status() != AlertStatus.NEW) {
			throw new Conflict("该预警已" + alert.statusLabel() + "，不能排除");
		}
		int updated = this.jdbc.sql("""
				update monitoring_alert set status = 'DISMISSED', dismiss_reason = :reason, handled_by = :by,
				  handled_at = :now where id = :id and status = 'NEW'
				""")
			.param("reason", why)
			.param("now", Times.now())
			.param("by", actor.username())
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new Conflict("该预警刚刚已被他人处理，请刷新页面");
		}
		this.audit.success("MONITORING_ALERT_DISMISS", "monitoring_alert", id, "排除预警 " + alert.alertId() + "：" + why,
				null, null);
		return this.alerts.get(id, actor.scope());
	}

}
