package org.fangfei.detect.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.fangfei.detect.Pattern;

/**
 * Binary form of {@link AccountState}: a version byte, then every field in a fixed order.
 */
final class StateCodec {

	private StateCodec() {
	}

	static void write(AccountState s, DataOutput o, int version) throws IOException {
		o.writeByte(version);
		o.writeLong(s.firstTime());
		o.writeLong(s.lastTime());
		o.writeInt(s.firstDay());
		o.writeInt(s.curDay());
		for (int d = 0; d < AccountState.RING; d++) {
			o.writeLong(s.dayWord(d, 0));
			o.writeLong(s.dayWord(d, 1));
			o.writeLong(s.dayWord(d, 2));
			o.writeLong(s.firstMs(d));
		}
		o.writeLong(s.scatterInFen());
		o.writeInt(s.scatterCount());
		o.writeInt(s.scatterDistinct());
		o.writeInt(s.scatterNew());
		o.writeInt(s.scatterBig());
		o.writeLong(s.surgeInFen());
		o.writeInt(s.surgeCount());
		o.writeInt(s.surgeNew());
		o.writeLong(s.totalNew());
		int slots = s.tableSlots();
		o.writeInt(slots * 4);
		o.writeInt(s.tableSize());
		o.writeInt(s.level());
		if (slots > 0) {
			int[] t = s.cp();
			int base = s.tableOffset() & AccountStore.CP_PAGE_MASK;
			for (int i = 0; i < slots * 4; i++) {
				o.writeInt(t[base + i]);
			}
		}
		AccountStore.Cold c = s.coldOrNull();
		int outN = s.outN();
		o.writeInt(outN);
		for (int i = 0; i < outN; i++) {
			o.writeLong(s.outTime(i));
			o.writeLong(s.outFen(i));
			writeString(o, s.outTx(i));
			writeString(o, s.outPayee(i));
		}
		o.writeLong(s.batchStart());
		o.writeInt(s.batchCount());
		o.writeInt(s.batchSampled());
		o.writeInt(s.batchKnown());
		o.writeInt(s.batchRepeat());
		o.writeLong(s.batchFen());
		o.writeLong(s.batchKnownPayoutFen());
		o.writeLong(s.batchKnownPaidYuan());
		o.writeInt(s.batches());
		boolean batches = c != null && c.bStart != null;
		o.writeBoolean(batches);
		for (int i = 0; batches && i < AccountState.BATCHES; i++) {
			o.writeLong(c.bStart[i]);
			o.writeInt(c.bCount[i]);
			o.writeLong(c.bFen[i]);
			o.writeDouble(c.bOverlap[i]);
			o.writeDouble(c.bYield[i]);
		}
		o.writeLong(s.memoBucket());
		o.writeInt(s.memoCurPayers());
		o.writeInt(s.memoPrevPayers());
		o.writeInt(s.memoCurTx());
		o.writeInt(s.memoPrevTx());
		o.writeLong(s.memoCurFen());
		o.writeLong(s.memoPrevFen());
		o.writeLong(s.memoCurFirst());
		o.writeLong(s.memoPrevFirst());
		o.writeInt(s.memoCurWords());
		o.writeInt(s.memoPrevWords());
		o.writeInt(s.invBucket());
		o.writeInt(s.invCur());
		o.writeInt(s.invPrev());
		o.writeInt(s.retCur());
		o.writeInt(s.retPrev());
		o.writeLong(s.invCurFen());
		o.writeLong(s.invPrevFen());
		o.writeLong(s.inCurFen());
		o.writeLong(s.inPrevFen());
		o.writeLong(s.lumpCurFen());
		o.writeLong(s.lumpPrevFen());
		o.writeLong(s.invTotal());
		o.writeLong(s.unit());
		o.writeInt(s.considered());
		for (int p = 0; p < Pattern.values().length; p++) {
			o.writeLong(s.lastAlert(p));
		}
	}

	static AccountState read(DataInput in, int version) throws IOException {
		int v = in.readByte();
		if (v != version) {
			throw new IOException("account state version " + v + " is not " + version);
		}
		AccountState s = new AccountState();
		s.firstTime(in.readLong());
		s.lastTime(in.readLong());
		s.firstDay(in.readInt());
		s.curDay(in.readInt());
		for (int d = 0; d < AccountState.RING; d++) {
			s.dayWord(d, 0, in.readLong());
			s.dayWord(d, 1, in.readLong());
			s.dayWord(d, 2, in.readLong());
			s.firstMs(d, in.readLong());
		}
		s.recomputeRingUsed();
		s.scatterInFen(in.readLong());
		s.scatterCount(in.readInt());
		s.scatterDistinct(in.readInt());
		s.scatterNew(in.readInt());
		s.scatterBig(in.readInt());
		s.surgeInFen(in.readLong());
		s.surgeCount(in.readInt());
		s.surgeNew(in.readInt());
		s.totalNew(in.readLong());
		int cap = in.readInt();
		s.tableSize(in.readInt());
		s.level(in.readInt());
		if (cap > 0) {
			if (cap < 32 || Integer.bitCount(cap) != 1) {
				throw new IOException("counterparty table of " + cap + " ints is not a power of two >= 32");
			}
			int[] t = new int[cap];
			for (int i = 0; i < cap; i++) {
				t[i] = in.readInt();
			}
			s.adoptTable(t);
		}
		int outN = in.readInt();
		if (outN < 0 || outN > AccountState.OUTS) {
			throw new IOException("account state keeps " + outN + " large outflows, at most " + AccountState.OUTS);
		}
		s.outN(outN);
		for (int i = 0; i < outN; i++) {
			long time = in.readLong();
			long fen = in.readLong();
			String tx = readString(in);
			s.setOut(i, time, fen, tx, readString(in));
		}
		s.batchStart(in.readLong());
		s.batchCount(in.readInt());
		s.batchSampled(in.readInt());
		s.batchKnown(in.readInt());
		s.batchRepeat(in.readInt());
		s.batchFen(in.readLong());
		s.batchKnownPayoutFen(in.readLong());
		s.batchKnownPaidYuan(in.readLong());
		s.batches(in.readInt());
		if (in.readBoolean()) {
			AccountStore.Cold c = s.cold();
			c.allocateBatches();
			for (int i = 0; i < AccountState.BATCHES; i++) {
				c.bStart[i] = in.readLong();
				c.bCount[i] = in.readInt();
				c.bFen[i] = in.readLong();
				c.bOverlap[i] = in.readDouble();
				c.bYield[i] = in.readDouble();
			}
		}
		s.memoBucket(in.readLong());
		s.memoCurPayers(in.readInt());
		s.memoPrevPayers(in.readInt());
		s.memoCurTx(in.readInt());
		s.memoPrevTx(in.readInt());
		s.memoCurFen(in.readLong());
		s.memoPrevFen(in.readLong());
		s.memoCurFirst(in.readLong());
		s.memoPrevFirst(in.readLong());
		s.memoCurWords(in.readInt());
		s.memoPrevWords(in.readInt());
		s.invBucket(in.readInt());
		s.invCur(in.readInt());
		s.invPrev(in.readInt());
		s.retCur(in.readInt());
		s.retPrev(in.readInt());
		s.invCurFen(in.readLong());
		s.invPrevFen(in.readLong());
		s.inCurFen(in.readLong());
		s.inPrevFen(in.readLong());
		s.lumpCurFen(in.readLong());
		s.lumpPrevFen(in.readLong());
		s.invTotal(in.readLong());
		s.unit(in.readLong());
		s.considered(in.readInt());
		for (int p = 0; p < Pattern.values().length; p++) {
			s.lastAlert(p, in.readLong());
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
