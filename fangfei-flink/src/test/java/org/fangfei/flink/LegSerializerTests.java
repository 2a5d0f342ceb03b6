package org.fangfei.flink;

import java.io.IOException;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegSerializerTests {

	@Test
	void aLegComesBackWithEveryFieldAndTheDetectorsHintsUnknown() throws IOException {
		Leg leg = new Leg(1_767_225_600_000L, 42, "6222 0001", true, "付款人,\"甲\"", 123_45, "投资款", "T42");
		leg.memoKeywords = 3;
		leg.counterpartyHash = 7;
		DataOutputSerializer out = new DataOutputSerializer(64);
		LegSerializer.INSTANCE.serialize(leg, out);
		LegSerializer.INSTANCE.serialize(new Leg(1, 2, "A", false, "B", 0, null, "T"), out);

		DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
		Leg back = LegSerializer.INSTANCE.deserialize(in);
		assertThat(back).usingRecursiveComparison()
			.isEqualTo(new Leg(1_767_225_600_000L, 42, "6222 0001", true, "付款人,\"甲\"", 123_45, "投资款", "T42"));
		assertThat(back.memoKeywords).isEqualTo(-1);
		assertThat(back.counterpartyHash).isZero();
		assertThat(LegSerializer.INSTANCE.deserialize(in).memo).isNull();
		assertThat(in.available()).isZero();
	}

	@Test
	void copyingSerialisedLegsKeepsTheirBytes() throws IOException {
		DataOutputSerializer out = new DataOutputSerializer(64);
		LegSerializer.INSTANCE.serialize(new Leg(5, 6, "A", true, "B", 700, "", "T9"), out);
		DataOutputSerializer copied = new DataOutputSerializer(64);
		LegSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
		assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
	}

	@Test
	void anAccountSlotComesBackWithItsDetectorStateWaitingLegsAndTimers() throws IOException {
		AccountSlot slot = new AccountSlot();
		slot.state = new AccountState();
		new Detector(DetectorConfig.defaults()).onLeg(slot.state, new Leg(1000, 1, "A", true, "B", 500, "", "T1"),
				(alert) -> {
				});
		slot.waiting.add(new Leg(2000, 2, "A", false, "C", 300, "", "T2"));
		slot.releaseAt = 2000;
		slot.idleCheckAt = 9000;

		AccountSlot copy = AccountSlot.Serializer.INSTANCE.copy(slot);

		assertThat(copy.state.lastActivity()).isEqualTo(slot.state.lastActivity());
		assertThat(copy.state.estimatedBytes()).isEqualTo(slot.state.estimatedBytes());
		assertThat(copy.waiting).singleElement().usingRecursiveComparison().isEqualTo(slot.waiting.get(0));
		assertThat(copy.releaseAt).isEqualTo(2000);
		assertThat(copy.idleCheckAt).isEqualTo(9000);
		assertThat(AccountSlot.Serializer.INSTANCE.copy(new AccountSlot()).state).isNull();
	}

}
