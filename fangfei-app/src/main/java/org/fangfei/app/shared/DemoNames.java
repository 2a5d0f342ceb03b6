package org.fangfei.app.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

/**
 * The demo's seeded source of plausible things: people's names, mobile numbers, unified
 * social credit codes with a valid GB 32100 check character, enterprise names by sector,
 * and working-hour moments over the past twelve months. The same seed gives the same
 * county on every machine.
 */
public final class DemoNames {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕", "建国", "建军", "国强", "玉梅",
			"春花", "德明", "永红", "晓东", "小龙", "海龙", "丽娟", "振华", "雪梅", "文斌", "国庆", "建平", "淑珍", "红梅", "志刚", "子涵", "浩然", "思远",
			"雨萱", "欣怡", "俊杰", "宇航", "佳怡", "梓轩", "金花", "有福" };

	private static final String[] FIRMS = { "鑫盛", "汇通", "聚源", "恒泰", "金桥", "福瑞", "祥和", "众赢", "博远", "瑞丰", "天禧", "宏达",
			"兴旺", "万家", "德润", "华康", "裕民", "安泰", "嘉禾", "永利", "富源", "丰泽", "盛世", "乾元", "同心", "利民", "隆鑫", "银河", "东方", "陇原",
			"西岩", "祖厉", "桃花", "红堡", "新添", "会师", "长征", "丰收", "金穗", "绿源" };

	private final Random random;

	private final OffsetDateTime now;

	/** A generator with this seed; "now" is the real moment, taken once. */
	public DemoNames(long seed) {
		this.random = new Random(seed);
		this.now = Times.now();
	}

	public Random random() {
		return this.random;
	}

	public int below(int n) {
		return this.random.nextInt(n);
	}

	public boolean chance(double p) {
		return this.random.nextDouble() < p;
	}

	public <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	public <T> T pick(T[] items) {
		return items[this.random.nextInt(items.length)];
	}

	/** A Chinese name: a common surname and one or two given characters. */
	public String personName() {
		return SURNAMES.charAt(this.random.nextInt(SURNAMES.length())) + pick(GIVEN);
	}

	/**
	 * A mobile number of the demo: 199 (as the demo county's people) and eight digits.
	 */
	public String phone() {
		return "199" + String.format("%08d", this.random.nextInt(100_000_000));
	}

	/**
	 * A unified social credit code: {@code kind} (91 an enterprise, 93 a farmers'
	 * cooperative), {@code county} (six digits), nine characters from the serial and a
	 * valid check character.
	 */
	public static String creditCode(String kind, String county, int serial) {
		String first17 = kind + county + "MA" + String.format("%07d", serial).replace('0', 'C');
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** A trade name, two characters, for enterprise names. */
	public String firm() {
		return pick(FIRMS);
	}

	/** The moment the demo treats as now (real time at the generator's creation). */
	public OffsetDateTime now() {
		return this.now;
	}

	/**
	 * A working-hour moment on a weekday {@code daysAgo} days before today (moved to the
	 * Friday before when that is a weekend), never after now.
	 */
	public OffsetDateTime daysAgo(int daysAgo) {
		LocalDate day = this.now.toLocalDate().minusDays(daysAgo);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		LocalTime time = LocalTime.of(8 + this.random.nextInt(9), this.random.nextInt(60));
		OffsetDateTime at = Times.atCounty(LocalDateTime.of(day, time));
		return at.isAfter(this.now) ? this.now.minusMinutes(5 + this.random.nextInt(120)) : at;
	}

	/** A working-hour moment on {@code day}, never after now. */
	public OffsetDateTime on(LocalDate day) {
		OffsetDateTime at = Times
			.atCounty(LocalDateTime.of(day, LocalTime.of(8 + this.random.nextInt(9), this.random.nextInt(60))));
		return at.isAfter(this.now) ? this.now.minusMinutes(1 + this.random.nextInt(30)) : at;
	}

	/**
	 * A working-hour moment {@code 1..maxDays} days after {@code after}, or null when
	 * that would be after now — the record's story stops there.
	 */
	public OffsetDateTime later(OffsetDateTime after, int maxDays) {
		LocalDate day = after.atZoneSameInstant(Times.zone()).toLocalDate().plusDays(1 + this.random.nextInt(maxDays));
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		OffsetDateTime at = Times
			.atCounty(LocalDateTime.of(day, LocalTime.of(8 + this.random.nextInt(9), this.random.nextInt(60))));
		return at.isAfter(this.now.minusMinutes(1)) ? null : at;
	}

}
