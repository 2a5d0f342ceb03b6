package org.fangfei.detect.engine;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.detect.Alert;
import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.io.Transfer;

/**
 * Hand-made transfer streams for tests: add transfers in any order, run them through a
 * Detector and the graph stage, transfer by transfer in (time, seq) order.
 */
final class Feed {

	static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

	private final List<Transfer> transfers = new ArrayList<>();

	private long seq = 2;

	/** The account states of the last run. */
	Map<String, AccountState> states = Map.of();

	static long at(int day, int hour) {
		return START.plusDays(day).plusHours(hour).toEpochSecond(ZoneOffset.UTC) * 1000;
	}

	Feed pay(int day, int hour, String from, String to, long yuan, String memo) {
		return payFen(at(day, hour), from, to, yuan * 100, memo);
	}

	Feed payFen(long time, String from, String to, long fen, String memo) {
		this.transfers.add(new Transfer("T" + this.seq, time, this.seq++, from, "", to, "", fen, "", memo));
		return this;
	}

	/** Adds a transfer as it is. */
	Feed add(Transfer t) {
		this.transfers.add(t);
		return this;
	}

	List<Alert> run(DetectorConfig config) {
		return run(config, false);
	}

	/**
	 * Runs the stream; with {@code roundTrip} every state is serialised and read back
	 * between legs.
	 */
	List<Alert> run(DetectorConfig config, boolean roundTrip) {
		Detector d = new Detector(config);
		GraphStage graph = new GraphStage(config.graphSettings());
		Map<String, AccountState> states = new HashMap<>();
		this.states = states;
		List<Alert> alerts = new ArrayList<>();
		List<Transfer> sorted = new ArrayList<>(this.transfers);
		sorted.sort(Comparator.comparingLong(Transfer::time).thenComparingLong(Transfer::seq));
		TransferFeed feed = new TransferFeed(d, graph);
		for (Transfer t : sorted) {
			feed.feed(t, (account) -> {
				AccountState s = states.computeIfAbsent(account, (k) -> new AccountState());
				if (roundTrip) {
					s = StateCodecTestSupport.copy(s);
					states.put(account, s);
				}
				return s;
			}, alerts::add);
		}
		return alerts;
	}

	static List<Alert> of(List<Alert> alerts, String account) {
		return alerts.stream().filter((a) -> a.account().equals(account)).toList();
	}

}
