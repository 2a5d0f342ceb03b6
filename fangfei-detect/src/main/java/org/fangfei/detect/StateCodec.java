package org.fangfei.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Binary form of {@link AccountState}: a version byte, then every field in a fixed order.
 */
final class StateCodec {

	private StateCodec() {
	}

	static void write(AccountState s, DataOutput o, int version) throws IOException {
		o.writeByte(version);
		o.writeLong(s.firstTime);
		o.writeLong(s.lastTime);
		o.writeInt(s.firstDay);
		o.writeInt(s.curDay);
		for (long v : s.ring) {
			o.writeLong(v);
		}
		o.writeLong(s.sInFen);
		o.writeInt(s.sCount);
		o.writeInt(s.sDistinct);
		o.writeInt(s.sNew);
		o.writeInt(s.sBig);
		o.writeLong(s.gInFen);
		o.writeInt(s.gCount);
		o.writeInt(s.gNew);
		o.writeLong(s.totalNew);
		int cap = (s.cp == null) ? 0 : s.cp.length;
		o.writeInt(cap);
		o.writeInt(s.size);
		o.writeInt(s.level);
		for (int i = 0; i < cap; i++) {
			o.writeInt(s.cp[i]);
		}
		o.writeInt(s.outN);
		for (int i = 0; i < s.outN; i++) {
			o.writeLong(s.outTime[i]);
			o.writeLong(s.outFen[i]);
			writeString(o, s.outTx[i]);
			writeString(o, s.outPayee[i]);
		}
		o.writeLong(s.batchStart);
		o.writeInt(s.batchCount);
		o.writeInt(s.batchSampled);
		o.writeInt(s.batchKnown);
		o.writeInt(s.batchRepeat);
		o.writeLong(s.batchFen);
		o.writeLong(s.batchKnownPayoutFen);
		o.writeLong(s.batchKnownPaidYuan);
		o.writeInt(s.bN);
		o.writeBoolean(s.bStart != null);
		for (int i = 0; s.bStart != null && i < AccountState.BATCHES; i++) {
			o.writeLong(s.bStart[i]);
			o.writeInt(s.bCount[i]);
			o.writeLong(s.bFen[i]);
			o.writeDouble(s.bOverlap[i]);
			o.writeDouble(s.bYield[i]);
		}
		o.writeLong(s.memoBucket);
		o.writeInt(s.memoCurPayers);
		o.writeInt(s.memoPrevPayers);
		o.writeInt(s.memoCurTx);
		o.writeInt(s.memoPrevTx);
		o.writeLong(s.memoCurFen);
		o.writeLong(s.memoPrevFen);
		o.writeLong(s.memoCurFirst);
		o.writeLong(s.memoPrevFirst);
		o.writeInt(s.memoCurWords);
		o.writeInt(s.memoPrevWords);
		for (long t : s.lastAlert) {
			o.writeLong(t);
		}
	}

	static AccountState read(DataInput in, int version) throws IOException {
		int v = in.readByte();
		if (v != version) {
			throw new IOException("account state version " + v + " is not " + version);
		}
		AccountState s = new AccountState();
		s.firstTime = in.readLong();
		s.lastTime = in.readLong();
		s.firstDay = in.readInt();
		s.curDay = in.readInt();
		for (int i = 0; i < s.ring.length; i++) {
			s.ring[i] = in.readLong();
		}
		s.recomputeRingUsed();
		s.sInFen = in.readLong();
		s.sCount = in.readInt();
		s.sDistinct = in.readInt();
		s.sNew = in.readInt();
		s.sBig = in.readInt();
		s.gInFen = in.readLong();
		s.gCount = in.readInt();
		s.gNew = in.readInt();
		s.totalNew = in.readLong();
		int cap = in.readInt();
		s.size = in.readInt();
		s.level = in.readInt();
		if (cap > 0) {
			s.cp = new int[cap];
			for (int i = 0; i < cap; i++) {
				s.cp[i] = in.readInt();
			}
		}
		s.outN = in.readInt();
		if (s.outN > 0) {
			s.allocateOutflows();
		}
		for (int i = 0; i < s.outN; i++) {
			s.outTime[i] = in.readLong();
			s.outFen[i] = in.readLong();
			s.outTx[i] = readString(in);
			s.outPayee[i] = readString(in);
		}
		s.batchStart = in.readLong();
		s.batchCount = in.readInt();
		s.batchSampled = in.readInt();
		s.batchKnown = in.readInt();
		s.batchRepeat = in.readInt();
		s.batchFen = in.readLong();
		s.batchKnownPayoutFen = in.readLong();
		s.batchKnownPaidYuan = in.readLong();
		s.bN = in.readInt();
		if (in.readBoolean()) {
			s.allocateBatches();
		}
		for (int i = 0; s.bStart != null && i < AccountState.BATCHES; i++) {
			s.bStart[i] = in.readLong();
			s.bCount[i] = in.readInt();
			s.bFen[i] = in.readLong();
			s.bOverlap[i] = in.readDouble();
			s.bYield[i] = in.readDouble();
		}
		s.memoBucket = in.readLong();
		s.memoCurPayers = in.readInt();
		s.memoPrevPayers = in.readInt();
		s.memoCurTx = in.readInt();
		s.memoPrevTx = in.readInt();
		s.memoCurFen = in.readLong();
		s.memoPrevFen = in.readLong();
		s.memoCurFirst = in.readLong();
		s.memoPrevFirst = in.readLong();
		s.memoCurWords = in.readInt();
		s.memoPrevWords = in.readInt();
		for (int i = 0; i < s.lastAlert.length; i++) {
			s.lastAlert[i] = in.readLong();
		}
		return s;
	}

	private static void writeString(DataOutput o, String s) throws IOException {
		o.writeBoolean(s != null);
		if (s != null) {
			o.writeUTF(s);
		}
	}

	private static String readString(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}
