package org.fangfei.detect.archetype;

import java.util.SplittableRandom;

/**
 * Ordinary Chinese names for people and companies. A scheme's company is named from the
 * same pool as every other company: real schemes used ordinary names.
 */
final class Names {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅文辉鹏飞玉珍海燕志宏春生晓东丹萍鑫宇浩凯佳琳欣怡子涵雪婷俊峰德福成林荣兵";

	private static final String PLACES = "安宁清河新华东城西湖南山北辰永兴长乐兴隆太平福泉宏达丰源华泰金桥恒信鼎盛润丰瑞祥汇通嘉禾正通天成";

	private static final String[] TRADES = { "商贸", "科技", "信息咨询", "投资管理", "网络科技", "贸易", "实业", "电子商务", "企业管理", "文化传播",
			"建材", "农业发展", "供应链管理" };

	private final SplittableRandom rng;

	Names(SplittableRandom rng) {
		this.rng = rng;
	}

	String person() {
		StringBuilder b = new StringBuilder(3);
		b.append(SURNAMES.charAt(this.rng.nextInt(SURNAMES.length())));
		b.append(GIVEN.charAt(this.rng.nextInt(GIVEN.length())));
		if (this.rng.nextInt(10) < 7) {
			b.append(GIVEN.charAt(this.rng.nextInt(GIVEN.length())));
		}
		return b.toString();
	}

	private String place() {
		int i = this.rng.nextInt(PLACES.length() / 2) * 2;
		return PLACES.substring(i, i + 2);
	}

	/** An ordinary company: "恒信商贸有限公司". */
	String company() {
		return place() + TRADES[this.rng.nextInt(TRADES.length)] + "有限公司";
	}

	/** A company of a named trade: "瑞祥养老服务有限公司". */
	String company(String trade) {
		return place() + trade + "有限公司";
	}

	/** A co-operative: "清河种植专业合作社". */
	String cooperative() {
		String[] kinds = { "种植", "养殖", "果蔬", "农机", "茶叶", "中药材" };
		return place() + kinds[this.rng.nextInt(kinds.length)] + "专业合作社";
	}

	/** A shop: "李记超市". */
	String shop() {
		String[] kinds = { "超市", "便利店", "餐馆", "水果店", "五金店", "药店", "服装店", "理发店", "面馆", "烟酒店" };
		return SURNAMES.charAt(this.rng.nextInt(SURNAMES.length())) + "记" + kinds[this.rng.nextInt(kinds.length)];
	}

	String place2() {
		return place();
	}

}
