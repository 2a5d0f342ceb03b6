#!/usr/bin/env python3
"""Writes a participants' register (集资参与人名册) as CSV in the import template's columns.

Usage: participants.py FIRST COUNT OUT.csv

Rows FIRST .. FIRST+COUNT-1 of one deterministic register: every row has a different ID number
that passes the GB 11643 check (birth dates from 1940 on, 1,000 per day), a mobile number, an
amount put in between 1,000 and 500,000 yuan and, for one in three, an amount received back as
"interest" below it. The same row number always gives the same row, so files can be cut anywhere.
"""
import datetime
import random
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥"


def id_number(n):
    born = datetime.date(1940, 1, 1) + datetime.timedelta(days=n // 1000)
    body = "620422" + born.strftime("%Y%m%d") + "%03d" % (n % 1000)
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def main():
    first, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("姓名,身份证号,手机号,投入金额(元),已收回金额(元)\n")
        for n in range(first, first + count):
            r = random.Random(n)
            name = r.choice(SURNAMES) + r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.6 else "")
            phone = "1" + r.choice("3589") + "%09d" % r.randrange(10**9)
            invested = r.randrange(1000, 500000) * 100
            received = r.randrange(0, invested // 2) if r.random() < 1 / 3 else 0
            f.write("%s,%s,%s,%d.%02d,%d.%02d\n" % (name, id_number(n), phone, invested // 100, invested % 100,
                                                  received // 100, received % 100))


if __name__ == "__main__":
    main()
