package org.fangfei.app.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DemoNames;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.fangfei.detect.io.Transfer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's bank exports: each planted scheme raises its alert on the planted account
 * when the file goes through the upload's checks and the detector as a batch does, and
 * the customers' ordinary transfers raise none.
 */
class DemoBankExportsTests {

	@ParameterizedTest
	@EnumSource(DemoBankExports.Scheme.class)
	void thePlantedAccountRaisesItsPatternAndNobodyElseDoes(DemoBankExports.Scheme scheme) {
		DemoBankExports bank = new DemoBankExports(new DemoNames(7), new DemoBankExports.Bank("甘肃会宁农村商业银行", "622836"));
		byte[] file = bank.export(LocalDate.of(2026, 3, 1), 60, 15, new DemoBankExports.Plant("会宁县测试有限公司", scheme));
		TransferRows.Read read = TransferRows.read(BankExport.read("demo.csv", file).rows(), ColumnMapping.standard());
		assertThat(read.problems()).isEmpty();
		assertThat(read.transfers()).hasSizeBetween(900, 1300);
		List<Alert> alerts = detect(read.transfers());
		String hub = read.transfers()
			.stream()
			.filter(t -> t.payeeName().equals("会宁县测试有限公司"))
			.findFirst()
			.orElseThrow()
			.payeeAccount();
		Pattern expected = switch (scheme) {
			case SCATTER -> Pattern.SCATTER_IN_GATHER_OUT;
			case PERIODIC -> Pattern.PERIODIC_BATCH_PAYOUT;
			case MEMO -> Pattern.FUNDRAISING_MEMO;
		};
		assertThat(alerts).extracting(Alert::pattern).contains(expected);
		assertThat(alerts).allSatisfy(a -> assertThat(a.account()).isEqualTo(hub));
	}

	/** As {@code BatchRunner} detects: both legs of each transfer in time order. */
	private static List<Alert> detect(List<Transfer> rows) {
		List<Transfer> transfers = new ArrayList<>(rows);
		transfers.sort(Comparator.comparingLong(Transfer::time).thenComparingLong(Transfer::seq));
		Detector detector = new Detector(DetectorConfig.defaults());
		Map<String, AccountState> states = new HashMap<>();
		List<Alert> alerts = new ArrayList<>();
		Leg out = new Leg();
		Leg in = new Leg();
		for (Transfer t : transfers) {
			Leg.split(t, out, in);
			detector.onLeg(states.computeIfAbsent(t.payerAccount(), a -> new AccountState()), out, alerts::add);
			detector.onLeg(states.computeIfAbsent(t.payeeAccount(), a -> new AccountState()), in, alerts::add);
		}
		return alerts;
	}

}
