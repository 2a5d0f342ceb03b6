package org.fangfei.app.monitoring;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.detect.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring as JSON: the Flink job's HTTP sink posts its alerts here with a bearer token
 * (接入系统) bound to an office account; the alert list for other systems.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "资金监测", description = "实时监测预警的接收与查询")
class MonitoringApi {

	private final AlertIngest ingest;

	private final Alerts alerts;

	MonitoringApi(AlertIngest ingest, Alerts alerts) {
		this.ingest = ingest;
		this.alerts = alerts;
	}

	@PostMapping("/alerts")
	@PreAuthorize("hasAuthority('monitoring:alert:ingest')")
	@Operation(summary = "接收预警", description = "Flink 作业按批提交预警；按 alertId 去重；任一条有误则整批不保存，并逐条说明错误")
	AlertIngest.Ingested receive(@RequestBody List<AlertInput> items, Actor actor) {
		return this.ingest.ingest(items, actor);
	}

	@GetMapping("/alerts")
	@PreAuthorize("hasAuthority('monitoring:alert:view')")
	@Operation(summary = "预警列表", description = "按评分从高到低；可按模式、状态、最低评分筛选")
	PageOf<AlertRow> list(@RequestParam(required = false) Pattern pattern,
			@RequestParam(required = false) AlertStatus status, @RequestParam(required = false) Integer minScore,
			@RequestParam(defaultValue = "1") int page, DataScope scope) {
		return this.alerts.search(new AlertQuery(pattern, status, minScore, null), scope, PageRequest.of(page));
	}

}
