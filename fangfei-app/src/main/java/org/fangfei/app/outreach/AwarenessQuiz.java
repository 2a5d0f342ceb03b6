package org.fangfei.app.outreach;

import java.util.List;

/**
 * The awareness quiz (知晓率测评): six questions on what illegal fundraising looks like and
 * what to do about it, from the 条例 and the publicity seeds (seed 002: 知晓率高 is a creation
 * standard). A visitor who answers at least the survey's pass mark in percent correctly
 * counts as aware. The questions are fixed so that every survey and year compare.
 */
final class AwarenessQuiz {

	record Question(String text, List<String> options, int answer) {
	}

	static final List<Question> QUESTIONS = List.of(
			new Question("非法集资的主要特征是什么？", List.of("未经批准、公开宣传、承诺回报、面向社会公众", "经过银行批准的理财", "亲友之间的个人借款"), 0),
			new Question("有人承诺“保本高息、稳赚不赔”，您应该怎么看？", List.of("可以放心投资", "高收益必然伴随高风险，往往是非法集资的陷阱", "只要熟人介绍就没问题"), 1),
			new Question("参与非法集资造成的损失由谁承担？", List.of("由政府全额赔偿", "由银行赔偿", "由参与者自行承担"), 2),
			new Question("以养老服务、预售床位为名收取高额会费并承诺返利，属于什么？", List.of("正常养老消费", "可能是以养老为名的非法集资", "政府补贴项目"), 1),
			new Question("发现非法集资线索，可以向哪里举报？", List.of("不用管", "处置非法集资部门、公安机关或12345热线", "只能在网上发帖"), 1),
			new Question("举报非法集资，举报人的信息会怎样处理？", List.of("会被公开", "依法保密，查证属实的可以获得奖励", "需要交纳保证金"), 1));

	private AwarenessQuiz() {
	}

	/**
	 * The answers as a string of option indexes (one digit per question), or null when
	 * any question is unanswered or an index is out of range.
	 */
	static String sheet(List<Integer> answers) {
		if (answers == null || answers.size() != QUESTIONS.size()) {
			return null;
		}
		StringBuilder sheet = new StringBuilder();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			Integer a = answers.get(i);
			if (a == null || a < 0 || a >= QUESTIONS.get(i).options().size()) {
				return null;
			}
			sheet.append(a);
		}
		return sheet.toString();
	}

	/** The share of right answers on a sheet, in percent. */
	static int score(String sheet) {
		int right = 0;
		for (int i = 0; i < QUESTIONS.size(); i++) {
			if (sheet.charAt(i) - '0' == QUESTIONS.get(i).answer()) {
				right++;
			}
		}
		return Math.round(100f * right / QUESTIONS.size());
	}

}
