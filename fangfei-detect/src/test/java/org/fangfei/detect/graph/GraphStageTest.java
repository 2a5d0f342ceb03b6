package org.fangfei.detect.graph;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.DetectorConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph stage across accounts: one account collects, another pays the same investors;
 * and the share plan whose company pays its employees, which must stay quiet.
 */
class GraphStageTest {

	private static final long DAY = 86_400_000L;

	private final GraphStage stage = new GraphStage(DetectorConfig.defaults().graphSettings());

	private final List<Alert> alerts = new ArrayList<>();

	private int tx;

	private void pay(int day, String from, String to, long yuan) {
		String id = "T" + this.tx++;
		this.stage.feed(day * DAY + 10 * 3_600_000L + this.tx, AccountState.hash(from), AccountState.hash(to),
				yuan * 100, new GraphStage.Names() {

					@Override
					public String payer() {
						return from;
					}

					@Override
					public String payee() {
						return to;
					}

					@Override
					public String txId() {
						return id;
					}

				}, this.alerts::add);
	}

	/** The stream begins on day 0 (the first weeks are a cold start). */
	@org.junit.jupiter.api.BeforeEach
	void streamStarts() {
		pay(0, "someone", "someone-else", 100);
	}

	@Test
	void inTheStreamsFirstWeeksNothingIsJudged() {
		for (int i = 0; i < 8; i++) {
			pay(2, "investor-" + i, "COLLECTOR", 20_000);
		}
		pay(3, "COLLECTOR", "PAYER", 120_000);
		for (int i = 0; i < 8; i++) {
			// An employer whose wages before the stream were never seen looks the same.
			pay(20, "PAYER", "investor-" + i, 400);
		}
		assertThat(this.alerts).isEmpty();
	}

	@Test
	void interestPaidByTheAccountTheCollectorFedIsCrossAccountPayback() {
		for (int i = 0; i < 8; i++) {
			pay(40 + i % 5, "investor-" + i, "COLLECTOR", 20_000);
		}
		pay(46, "COLLECTOR", "PAYER", 120_000);
		for (int i = 0; i < 8; i++) {
			pay(60, "PAYER", "investor-" + i, 400);
		}
		assertThat(this.alerts).hasSize(1);
		Alert a = this.alerts.get(0);
		assertThat(a.account()).isEqualTo("PAYER");
		assertThat(a.pattern()).isEqualTo(Pattern.INVESTOR_PAYBACK);
		assertThat(a.counterparties()).isEqualTo(5);
		assertThat(a.explanation()).contains("跨账户回流付息", "COLLECTOR", "5个出资人", "120000.00元");
		assertThat(this.stage.heldBack()).isEmpty();
	}

	@Test
	void paymentsWithoutTheLinkOrAboveTheInterestShareAreNot() {
		for (int i = 0; i < 8; i++) {
			pay(40, "investor-" + i, "COLLECTOR", 20_000);
		}
		// No large transfer from the collector: the payer is unrelated.
		for (int i = 0; i < 8; i++) {
			pay(60, "PAYER", "investor-" + i, 400);
		}
		// Linked, but paying back half: a refund, not interest.
		pay(61, "COLLECTOR", "OTHER", 120_000);
		for (int i = 0; i < 8; i++) {
			pay(62, "OTHER", "investor-" + i, 10_000);
		}
		assertThat(this.alerts).isEmpty();
	}

	@Test
	void aSharePlansCompanyPayingItsEmployeesIsHeldBack() {
		for (int month = 0; month < 2; month++) {
			for (int i = 0; i < 8; i++) {
				pay(10 + 30 * month, "COMPANY", "employee-" + i, 6_000);
			}
		}
		for (int i = 0; i < 8; i++) {
			pay(45, "employee-" + i, "PLAN", 20_000);
		}
		pay(50, "PLAN", "COMPANY", 160_000);
		for (int i = 0; i < 8; i++) {
			pay(70, "COMPANY", "employee-" + i, 600);
		}
		assertThat(this.alerts).isEmpty();
		assertThat(this.stage.heldBack()).containsExactly("COMPANY");
	}

	@Test
	void aStageSizedToABatchIsSmallAndFindsTheSamePayback() {
		GraphStage.Settings settings = DetectorConfig.defaults().graphSettings();
		assertThat(new GraphStage(settings).bytes()).isEqualTo(GraphStage.BYTES);
		assertThat(new GraphStage(settings, 10_000).bytes()).isLessThan(8_000_000);
		assertThat(new GraphStage(settings, 100).bytes()).isLessThan(200_000);
		assertThat(new GraphStage(settings, 100_000_000).bytes()).isEqualTo(GraphStage.BYTES);
		// The collector and its paying account of the test above, fed as transfers.
		GraphStage small = new GraphStage(settings, 30);
		List<Alert> raised = new ArrayList<>();
		List<org.fangfei.detect.io.Transfer> stream = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			stream.add(transfer(stream.size(), 0, "someone", "someone-else", 100));
		}
		for (int i = 0; i < 8; i++) {
			stream.add(transfer(stream.size(), 40 + i % 5, "investor-" + i, "COLLECTOR", 20_000));
		}
		stream.add(transfer(stream.size(), 46, "COLLECTOR", "PAYER", 120_000));
		for (int i = 0; i < 8; i++) {
			stream.add(transfer(stream.size(), 60, "PAYER", "investor-" + i, 400));
		}
		stream.sort(java.util.Comparator.comparingLong(org.fangfei.detect.io.Transfer::time));
		stream.forEach((t) -> small.feed(t, raised::add));
		assertThat(raised).extracting(Alert::account).containsExactly("PAYER");
		assertThat(raised.get(0).explanation()).contains("跨账户回流付息", "COLLECTOR", "5个出资人");
	}

	private static org.fangfei.detect.io.Transfer transfer(int seq, int day, String from, String to, long yuan) {
		return new org.fangfei.detect.io.Transfer("T" + seq, day * DAY + 10 * 3_600_000L + seq, seq, from, "", to, "",
				yuan * 100, "", "");
	}

	@Test
	void theTablesHaveAFixedSize() {
		assertThat(GraphStage.BYTES).isLessThan(64L << 20);
		for (int i = 0; i < 200_000; i++) {
			pay(1 + i / 5_000, "p" + i, "q" + (i % 977), 3_000);
		}
		assertThat(this.alerts).isEmpty();
	}

}
