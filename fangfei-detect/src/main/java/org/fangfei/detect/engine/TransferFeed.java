package org.fangfei.detect.engine;

import java.util.function.Function;

import org.fangfei.detect.AlertSink;
import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.io.Transfer;

/**
 * Transfers one at a time, in (time, seq) order: both legs to the detector, each with its
 * account's state, then the transfer to the graph stage across accounts — the order
 * {@code scan} runs them in (it groups the legs of a chunk by account, which gives the
 * same alerts), so the same rows give the same alerts. The application's monitoring
 * batches and the detector's tests feed through it; the Flink job runs the legs keyed by
 * account and feeds the graph stage through the same
 * {@link GraphStage#feed(Transfer, AlertSink)}.
 */
public final class TransferFeed {

	private final Detector detector;

	private final GraphStage graph;

	private final Leg out = new Leg();

	private final Leg in = new Leg();

	public TransferFeed(Detector detector, GraphStage graph) {
		this.detector = detector;
		this.graph = graph;
	}

	/**
	 * Feeds one transfer; {@code states} gives the state of an account (asked once per
	 * leg, just before the leg).
	 */
	public void feed(Transfer t, Function<String, AccountState> states, AlertSink sink) {
		Leg.split(t, this.out, this.in);
		this.detector.onLeg(states.apply(t.payerAccount()), this.out, sink);
		this.detector.onLeg(states.apply(t.payeeAccount()), this.in, sink);
		this.graph.feed(t, sink);
	}

}
