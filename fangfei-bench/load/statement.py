#!/usr/bin/env python3
"""Writes a bank statement (对账单) as a county receives it, for the tracing benchmark (tracing.sh):
title rows, then ROWS rows below the header (the most a statement may have): transactions of one
collection account in the 借/贷-flag layout, with a serial number each, against a pool of ACCOUNTS
counterparties (participants paying in, a few controllers taking the money out), a page subtotal
after every 50, and a total at the end. UTF-8 CSV.

Usage: statement.py OUT.csv [ROWS] [ACCOUNTS]   (defaults 1000000 and 100000)
"""
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
accounts = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
rnd = random.Random(20)
OWN = "6228480099990000001"
names = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
banks = ["中国农业银行会宁支行", "会宁县农村信用合作联社", "中国邮政储蓄银行会宁县支行", "中国建设银行会宁支行"]


def counterparty(i):
    return "62284801%011d" % i, names[i % len(names)] + names[(i // 31) % len(names)] + "%d" % (i % 97), banks[i % 4]


with open(out, "w", encoding="utf-8", newline="") as f:
    w = f.write
    w("会宁县农村信用合作联社 客户交易明细(对账单)\r\n")
    w("账号：%s,户名：会宁县压测归集有限公司,,,,,,,,\r\n" % OWN)
    w("查询期间：2024-01-01 至 2025-12-31,,,,,,,,,\r\n")
    w("交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,摘要,交易网点,交易流水号\r\n")
    balance = 0
    second = 0
    page = 0
    n = 0
    written = 0
    while written < rows - 1:
        second += rnd.randint(20, 60)
        day, rest = divmod(second, 86400)
        month, d = divmod(day, 28)
        at = "%04d-%02d-%02d %02d:%02d:%02d" % (2024 + month // 12, month % 12 + 1, d + 1, rest // 3600,
                                                 rest // 60 % 60, rest % 60)
        if n % 10 == 9 and balance > 1_000_00:
            fen = rnd.randint(balance // 4, balance // 2)
            balance -= fen
            number, name, bank = counterparty(accounts - 1 - rnd.randrange(5))
            flag, memo = "借", "往来款"
        else:
            fen = rnd.randint(100, 5_000) * 100
            balance += fen
            number, name, bank = counterparty(rnd.randrange(accounts - 5))
            flag, memo = "贷", "入股金"
        w("%s,%s,%d.%02d,%d.%02d,%s,%s,%s,%s,柜面,S%09d\r\n" % (at, flag, fen // 100, fen % 100, balance // 100,
                                                               balance % 100, number, name, bank, memo, n + 1))
        n += 1
        written += 1
        page += 1
        if page == 50 and written < rows - 1:
            written += 1
            w("本页小计,,,,,,,,,\r\n")
            page = 0
    w("合计,,,,,,,,,\r\n")
