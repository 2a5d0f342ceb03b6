package org.fangfei.app.monitoring;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes alerts from the Flink job ({@code POST /api/v1/monitoring/alerts}): every item is
 * checked before anything is written, and one bad item refuses the whole batch with a
 * Chinese message per item and field; known alert ids are skipped (the job delivers at
 * least once). The alerts belong to the jurisdiction of the account the token is bound
 * to.
 */
@Service
class AlertIngest {

	/** Most alerts in one request; the job sends at most 500. */
	static final int MAX_ITEMS = 1_000;

	/** What a request did. */
	record Ingested(int received, int stored, int repeated) {
	}

	private final RaisedAlerts raised;

	private final Alerts alerts;

	private final AuditLog audit;

	AlertIngest(RaisedAlerts raised, Alerts alerts, AuditLog audit) {
		this.raised = raised;
		this.alerts = alerts;
		this.audit = audit;
	}

	@Transactional
	public Ingested ingest(List<AlertInput> items, Actor actor) {
		if (actor.regionCode() == null) {
			throw new Rejected("令牌绑定的账号没有所属区划，不能接收预警");
		}
		if (items == null || items.size() > MAX_ITEMS) {
			throw new Rejected("请求体应为预警数组，每次最多 " + MAX_ITEMS + " 条");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<Alert> checked = new java.util.ArrayList<>(items.size());
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Alert a = check(items.get(i), "[" + i + "].", errors);
			if (a != null && !ids.add(a.alertId())) {
				errors.put("[" + i + "].alertId", "第 " + (i + 1) + " 条：预警编号与本批中前面的一条重复");
			}
			checked.add(a);
		}
		if (!errors.isEmpty()) {
			this.audit.failure("MONITORING_INGEST", "monitoring_alert", null,
					"拒收 " + items.size() + " 条预警：" + errors.size() + " 处错误");
			throw new Rejected("有 " + errors.size() + " 处错误，本批预警均未保存：" + errors.values().iterator().next(), errors);
		}
		int stored = 0;
		for (Alert a : checked) {
			stored += this.raised.store(a, "FLINK", null, actor.regionCode(),
					this.alerts.holderOf(a.account(), actor.scope()), actor.username());
		}
		this.audit.success("MONITORING_INGEST", "monitoring_alert", null,
				"接收实时监测预警 " + items.size() + " 条，新增 " + stored + " 条", null, null);
		return new Ingested(items.size(), stored, items.size() - stored);
	}

	/** The item as the detector's alert, or null with its problems added to errors. */
	static Alert check(AlertInput in, String at, Map<String, String> errors) {
		int before = errors.size();
		String n = "第 " + (Integer.parseInt(at.substring(1, at.indexOf(']'))) + 1) + " 条：";
		if (in == null) {
			errors.put(at + "alertId", n + "不是预警对象");
			return null;
		}
		String alertId = text(in.alertId(), 200, at + "alertId", n + "预警编号(alertId)", errors);
		String account = text(in.account(), 64, at + "account", n + "账号(account)", errors);
		String explanation = text(in.explanation(), 4000, at + "explanation", n + "说明(explanation)", errors);
		Pattern pattern = null;
		try {
			pattern = Pattern.valueOf(in.pattern() == null ? "" : in.pattern().strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put(at + "pattern", n + "模式(pattern)“" + in.pattern() + "”不是已知的监测模式");
		}
		int score = range(in.score(), 0, 100, at + "score", n + "评分(score)", errors);
		int txCount = range(in.txCount(), 0, Integer.MAX_VALUE, at + "txCount", n + "交易笔数(txCount)", errors);
		int counterparties = range(in.counterparties(), 0, Integer.MAX_VALUE, at + "counterparties",
				n + "交易对手数(counterparties)", errors);
		Long first = time(in.firstTime(), at + "firstTime", n + "开始时间(firstTime)", errors);
		Long last = time(in.lastTime(), at + "lastTime", n + "结束时间(lastTime)", errors);
		if (first != null && last != null && first > last) {
			errors.put(at + "lastTime", n + "结束时间早于开始时间");
		}
		long amountIn = fen(in.amountIn(), at + "amountIn", n + "转入金额(amountIn)", errors);
		long amountOut = fen(in.amountOut(), at + "amountOut", n + "转出金额(amountOut)", errors);
		if (errors.size() > before) {
			return null;
		}
		return new Alert(alertId, account, pattern, score, first, last, txCount, amountIn, amountOut, counterparties,
				explanation);
	}

	private static String text(String value, int max, String key, String label, Map<String, String> errors) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			errors.put(key, label + "不能为空");
		}
		else if (v.length() > max) {
			errors.put(key, label + "超过 " + max + " 个字符");
		}
		return v;
	}

	private static int range(Integer value, int min, int max, String key, String label, Map<String, String> errors) {
		if (value == null || value < min || value > max) {
			errors.put(key, label + (value == null ? "不能为空" : "应在 " + min + " 到 " + max + " 之间"));
			return 0;
		}
		return value;
	}

	private static Long time(String value, String key, String label, Map<String, String> errors) {
		try {
			return LocalDateTime.parse(value == null ? "" : value.strip()).toEpochSecond(ZoneOffset.UTC) * 1000;
		}
		catch (DateTimeParseException ex) {
			errors.put(key, label + "“" + value + "”应为本地时间，如 2026-03-01T09:30:00");
			return null;
		}
	}

	private static long fen(String value, String key, String label, Map<String, String> errors) {
		try {
			return Money.parse(value).fen();
		}
		catch (Money.Unreadable ex) {
			errors.put(key, label + "“" + (value == null ? "" : value) + "”" + ex.reason());
			return 0;
		}
	}

}
