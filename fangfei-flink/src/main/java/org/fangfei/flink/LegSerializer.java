package org.fangfei.flink;

import java.io.IOException;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.fangfei.detect.engine.Leg;

/**
 * A {@link Leg} field by field, without the reflection of Flink's POJO serializer: what
 * goes over the network between the source and the detector and what waits in state. The
 * detector's hints ({@code memoKeywords}, {@code counterpartyHash}) are not written: a
 * read leg has them "not known" and the detector computes them.
 */
final class LegSerializer extends TypeSerializerSingleton<Leg> {

	private static final long serialVersionUID = 1L;

	static final LegSerializer INSTANCE = new LegSerializer();

	/** The type information that hands out this serializer. */
	static final TypeInformation<Leg> TYPE = new LegType();

	@Override
	public boolean isImmutableType() {
		return false;
	}

	@Override
	public Leg createInstance() {
		return new Leg();
	}

	@Override
	public Leg copy(Leg from) {
		return new Leg(from.time, from.seq, from.account, from.inflow, from.counterparty, from.amountFen, from.memo,
				from.txId);
	}

	@Override
	public Leg copy(Leg from, Leg reuse) {
		return copy(from);
	}

	@Override
	public int getLength() {
		return -1;
	}

	@Override
	public void serialize(Leg leg, DataOutputView target) throws IOException {
		target.writeLong(leg.time);
		target.writeLong(leg.seq);
		target.writeLong(leg.amountFen);
		target.writeBoolean(leg.inflow);
		StringValue.writeString(leg.account, target);
		StringValue.writeString(leg.counterparty, target);
		StringValue.writeString(leg.memo, target);
		StringValue.writeString(leg.txId, target);
	}

	@Override
	public Leg deserialize(DataInputView source) throws IOException {
		long time = source.readLong();
		long seq = source.readLong();
		long fen = source.readLong();
		boolean inflow = source.readBoolean();
		return new Leg(time, seq, StringValue.readString(source), inflow, StringValue.readString(source), fen,
				StringValue.readString(source), StringValue.readString(source));
	}

	/**
	 * Always a new leg: the detector keeps waiting legs, so a reused instance would be
	 * overwritten under it.
	 */
	@Override
	public Leg deserialize(Leg reuse, DataInputView source) throws IOException {
		return deserialize(source);
	}

	@Override
	public void copy(DataInputView source, DataOutputView target) throws IOException {
		target.write(source, 3 * Long.BYTES + 1);
		for (int i = 0; i < 4; i++) {
			StringValue.copyString(source, target);
		}
	}

	@Override
	public TypeSerializerSnapshot<Leg> snapshotConfiguration() {
		return new Snapshot();
	}

	/** Restores this serializer. */
	public static final class Snapshot extends SimpleTypeSerializerSnapshot<Leg> {

		public Snapshot() {
			super(() -> INSTANCE);
		}

	}

	private static final class LegType extends TypeInformation<Leg> {

		private static final long serialVersionUID = 1L;

		@Override
		public boolean isBasicType() {
			return false;
		}

		@Override
		public boolean isTupleType() {
			return false;
		}

		@Override
		public int getArity() {
			return 1;
		}

		@Override
		public int getTotalFields() {
			return 1;
		}

		@Override
		public Class<Leg> getTypeClass() {
			return Leg.class;
		}

		@Override
		public boolean isKeyType() {
			return false;
		}

		@Override
		public TypeSerializer<Leg> createSerializer(SerializerConfig config) {
			return INSTANCE;
		}

		@Override
		public String toString() {
			return "Leg";
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LegType;
		}

		@Override
		public int hashCode() {
			return LegType.class.hashCode();
		}

		@Override
		public boolean canEqual(Object other) {
			return other instanceof LegType;
		}

	}

}
