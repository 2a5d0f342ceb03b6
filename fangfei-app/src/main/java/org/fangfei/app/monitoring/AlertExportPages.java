package org.fangfei.app.monitoring;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;
import org.fangfei.detect.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alert list as an .xlsx file: the list's filters and scope, patterns and states in
 * words, amounts in yuan, the handler by name; audited with its row count. Transfer times
 * are the bank's own (as the export carried them); the time an alert arrived is China
 * time.
 */
@Controller
class AlertExportPages {

	static final List<String> HEADER = List.of("预警编号", "评分", "模式", "账号", "户名", "首笔时间", "末笔时间", "笔数", "转入(元)", "转出(元)",
			"交易对手数", "说明", "来源", "状态", "线索编号", "排除原因", "处理人", "接收时间");

	private static final DateTimeFormatter BANK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Alerts alerts;

	private final AccountNames names;

	private final AuditLog audit;

	AlertExportPages(Alerts alerts, AccountNames names, AuditLog audit) {
		this.alerts = alerts;
		this.names = names;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/monitoring/alerts/export")
	@PreAuthorize("hasAuthority('monitoring:alert:export')")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Pattern pattern,
			@RequestParam(required = false) AlertStatus status, @RequestParam(required = false) Integer minScore,
			@RequestParam(required = false) Long batch, DataScope scope) {
		AlertQuery q = new AlertQuery(pattern, status, minScore, batch);
		List<AlertRow> found = Exports.all(page -> this.alerts.search(q, scope, page), "预警");
		Map<String, String> handlers = this.names.byUsername(found.stream().map(AlertRow::handledBy).toList());
		List<List<String>> rows = new ArrayList<>(found.size());
		for (AlertRow a : found) {
			rows.add(Arrays.asList(a.alertId(), String.valueOf(a.score()), a.patternLabel(), a.account(),
					a.holderName(), bankTime(a.firstTime()), bankTime(a.lastTime()), String.valueOf(a.txCount()),
					a.amountIn(), a.amountOut(), String.valueOf(a.counterparties()), a.explanation(), a.sourceLabel(),
					a.statusLabel(), a.clueCode(), a.dismissReason(),
					a.handledBy() == null ? "" : handlers.getOrDefault(a.handledBy(), a.handledBy()),
					Exports.time(a.receivedAt())));
		}
		this.audit.success("EXPORT", "monitoring_alert", null, "导出资金监测预警 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("资金监测预警"), TabularFile.writeXlsx("资金监测预警", HEADER, rows));
	}

	private static String bankTime(LocalDateTime at) {
		return at == null ? "" : at.format(BANK_TIME);
	}

}
