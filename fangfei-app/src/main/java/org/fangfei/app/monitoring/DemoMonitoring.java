package org.fangfei.app.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The year of history's fund-flow monitoring: every two months the county office uploads
 * a bank's export of the two months before (three banks in turn) through
 * {@link MonitoringBatches#upload}, and the batch is detected at once by
 * {@link BatchRunner#runHere} — the runner's own steps, in this part's transaction and
 * held clock. Each file plants one scheme; the strongest alert of a ledger's suspect
 * subject becomes a clue ({@link AlertActions#toClue}, linked to the subject by its
 * name), the subject's other alerts and the look-alikes are dismissed with the reason
 * found on checking, and the last file's alerts are still waiting.
 */
@Component
class DemoMonitoring implements DemoPart {

	private static final DemoBankExports.Bank RURAL = new DemoBankExports.Bank("甘肃会宁农村商业银行", "622836");

	private static final DemoBankExports.Bank ABC = new DemoBankExports.Bank("中国农业银行会宁县支行", "622848");

	private static final DemoBankExports.Bank POSTAL = new DemoBankExports.Bank("中国邮政储蓄银行会宁县支行", "621799");

	/**
	 * One upload: the bank, the planted account, and what the office does with its alerts
	 * — the region of the clue it registers, or the reason it dismisses them (neither:
	 * still waiting).
	 */
	private record Upload(DemoBankExports.Bank bank, DemoBankExports.Plant plant, String clueRegion,
			String dismissReason) {
	}

	private static final List<Upload> UPLOADS = List.of(
			new Upload(RURAL, new DemoBankExports.Plant("会宁县鑫盛财富管理咨询有限公司", DemoBankExports.Scheme.SCATTER),
					"620422100001", null),
			new Upload(ABC, new DemoBankExports.Plant("会宁县丰收种植农民专业合作社", DemoBankExports.Scheme.MEMO), "620422101001",
					null),
			new Upload(POSTAL, new DemoBankExports.Plant("会宁县红堡农机专业合作社", DemoBankExports.Scheme.PERIODIC), null,
					"经核查，系合作社按章程向入社社员按周结算农机作业收益，社员出资有入社协议和出资证明，不属于非法集资。"),
			new Upload(RURAL, new DemoBankExports.Plant("会宁县福寿康养老服务中心", DemoBankExports.Scheme.PERIODIC),
					"620422100004", null),
			new Upload(ABC, new DemoBankExports.Plant("王建国", DemoBankExports.Scheme.SCATTER), null,
					"经核查，系账户持有人为其子筹办婚礼，亲友转入礼金后集中支付酒店和婚庆费用，属正常个人资金往来。"),
			new Upload(POSTAL, new DemoBankExports.Plant("会宁县聚源商贸有限公司", DemoBankExports.Scheme.MEMO), null, null));

	/** Days each export covers. */
	private static final int DAYS = 60;

	private final MonitoringBatches batches;

	private final BatchRunner runner;

	private final Alerts alerts;

	private final AlertActions actions;

	private final ActorDirectory actors;

	DemoMonitoring(MonitoringBatches batches, BatchRunner runner, Alerts alerts, AlertActions actions,
			ActorDirectory actors) {
		this.batches = batches;
		this.runner = runner;
		this.alerts = alerts;
		this.actions = actions;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "monitoring.year";
	}

	@Override
	public int order() {
		return 135;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(135);
		Actor office = this.actors.actorOf("office");
		Map<DemoBankExports.Bank, DemoBankExports> banks = new HashMap<>();
		LocalDate today = demo.now().atZoneSameInstant(Times.zone()).toLocalDate();
		for (int i = 0; i < UPLOADS.size(); i++) {
			Upload u = UPLOADS.get(i);
			LocalDate from = today.minusDays(368L - DAYS * i);
			byte[] file = banks.computeIfAbsent(u.bank(), b -> new DemoBankExports(demo, b))
				.export(from, DAYS, 15, u.plant());
			OffsetDateTime uploaded = demo.on(from.plusDays(DAYS + 2));
			long batchId;
			try (Times.Held held = Times.holdAt(uploaded)) {
				batchId = this.batches
					.upload(u.bank().name() + "流水_" + from + "至" + from.plusDays(DAYS - 1) + ".csv", file, office)
					.id();
				BatchStatus status = this.runner.runHere(batchId);
				if (status != BatchStatus.DONE) {
					throw new IllegalStateException("demo bank export " + batchId + " ended " + status + ": "
							+ this.batches.get(batchId, office.scope()).error());
				}
			}
			handle(demo, u, batchId, uploaded, office);
		}
	}

	/** A few working days after the upload, the office handles the batch's alerts. */
	private void handle(DemoNames demo, Upload u, long batchId, OffsetDateTime uploaded, Actor office) {
		if (u.clueRegion() == null && u.dismissReason() == null) {
			return;
		}
		List<AlertRow> found = this.alerts
			.search(new AlertQuery(null, AlertStatus.NEW, null, batchId), office.scope(), PageRequest.of(1, 50))
			.items();
		OffsetDateTime at = demo.later(uploaded, 6);
		if (at == null) {
			return;
		}
		try (Times.Held held = Times.holdAt(at)) {
			String clue = null;
			for (AlertRow alert : found) {
				if (u.clueRegion() != null && clue == null) {
					clue = this.actions.toClue(alert.id(), u.clueRegion(), office).clueCode();
				}
				else {
					this.actions.dismiss(alert.id(),
							clue == null ? u.dismissReason() : "同一账户的预警已转为线索 " + clue + "，在该线索中一并核查。", office);
				}
			}
		}
	}

}
