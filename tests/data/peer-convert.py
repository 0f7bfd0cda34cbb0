#!/usr/bin/env python3
"""Turn Microsoft Recognizers-Text English specs into crosscheck peer rows.

    python3 tests/data/peer-convert.py ../shared/peer-specs/recognizers-text \
        tests/data

reads the peer's JSON specs (MIT License) and writes tests/data/peer-*.tsv,
the rows tests/check_fact.c runs for its "peer conformance" rate; on
stdout it prints which cases were adopted and skipped, the tables of
PEER.md.  The build never runs this script: its output is committed.

Every peer case gets a decision below: adopted, as one or more rows with
the value, unit, bounds and qualifier crosscheck's conventions give it
(fact.h: canonical units, bounds, qualifiers; ages, years, times of day,
dates, phone and street numbers are no fact), or skipped with a reason.
A case the script has no decision for is an error, so a new spec file
cannot slip in unread.
"""

import json
import os
import sys

MI = 1.609344          # km per mile
FT = 0.3048            # m per foot
IN = 25.4              # mm per inch
ACRE = 0.40468564224   # ha per acre
LB = 0.45359237        # kg per pound


def f2c(f):
    return (f - 32) * 5 / 9


# ---- one expected row: (quote, value, unit, qualifier, low, high) ----

def X(quote, value, unit='count'):
    return (quote, value, unit, 'exact', value, value)


def A(quote, value, unit='count'):
    return (quote, value, unit, 'about', value, value)


def MT(quote, value, unit='count'):
    return (quote, value, unit, 'more_than', value, None)


def UT(quote, value, unit='count'):
    return (quote, value, unit, 'up_to', None, value)


def LT(quote, value, unit='count'):
    return (quote, value, unit, 'less_than', None, value)


def RG(quote, low, high, unit='count'):
    return (quote, None, unit, 'range', low, high)


def NONE(quote):
    return (quote, None, '-', 'none', None, None)


REASONS = {
    'fraction': 'fractions and mixed numbers ("two thirds", "10 1/2 '
                'miles", "half million"): news states such shares as '
                'percentages, and fact.h has no convention for them',
    'notation': 'scientific, power and letter-suffix notation ("1e10", '
                '"10k", "1.2b", "2mil", "1MM"), decimals without a leading '
                'zero, decimal commas, "20~100", spaced minus signs',
    'negative': 'negative numbers outside temperatures: no count is '
                'negative',
    'spoken': 'spoken or irregular number words ("point zero three", '
              '"nought", "fifty - two", "322 hundred", "3 hundred and 21")',
    'indian': 'lakh, crore and Indian digit grouping ("12,34,567")',
    'spaces': 'digits grouped by spaces or narrow spaces ("1 234 567")',
    'punctuation': 'numbers cut out of punctuation the peer resolves and we '
                   'need not ("192.", "192.168.1.2", "nrs. 22,24,26,31", '
                   '"1, 234, 567")',
    'meta': 'sentences about numbers rather than amounts of something '
            '("zero is 0", "5.00 or 5,00", "12 out of 10", "two valid '
            'numbers")',
    'math': 'comparison idioms of queries, not news ("greater than", '
            '"larger than", "or more", "<= 100", "equals 20", "x > 10")',
    'merged': 'two bounds the peer merges into one interval ("at most 100 '
              'and at least 20", "above 1000 and below 1500"): we read two '
              'facts',
    'relative': 'relative ordinals ("last", "next", "previous", '
                '"penultimate"): no number',
    'huge-ordinal': 'ordinals of scale words ("trillionth", "two '
                    'millionth")',
    'idiom': 'numbers in idioms and names ("one last time", "version two", '
             '"29km Road")',
    'misspelt': 'misspellings ("Nineth", "farenheit", "celcius", '
                '"centigrate", "dozs")',
    'unit': 'units crosscheck does not normalize (volume, speed, '
            'data size, square metres, ounces, micrograms, decimetres, '
            'tons of unknown kind, angles)',
    'compound': 'compound amounts ("5 feet 2 inches", "3 dollars 50 '
                'cents", "15 dollars and 15")',
    'subunit': 'cents, pence and pennies: no convention yet for sub-units '
               'of a currency',
    'currency': 'currencies that are obsolete or outside English news '
                '(markka, francs, pesetas, guilders, rupees, lira, colon, '
                'lari, kip, sen, kuai, bitcoin) or written as '
                '"rmb"/"Mex$"/"mxn$"',
    'code': 'money in compact finance codes ("75 USD million", "30 MUSD", '
            '"usd$ 15")',
    'garbled': 'garbled or repeated amounts ("50 dollar dollar", "1 $10 '
               'dollars bill", "exceeds a $ 4 billion", "1 m 1 m")',
    'brackets': 'units in brackets ("20 (kg)", "45{kg)")',
    'ambiguous': '"1m"/"10M" alone: metres or a million, the peer itself '
                 'reads them both ways',
    'no-scale': 'temperatures without a scale ("98 degrees", "85°"): '
                'Celsius or Fahrenheit is a guess',
    'peer-null': 'results with no value (a bare unit or "percent"); the '
                 'sentence has nothing else we read',
    'count-only': 'the peer asserts only that a number is not money or a '
                  'dimension ("All 70 of us", "3 times"); what we would '
                  'expect is a plain count the number model covers',
    'no-number': 'no number in the input for anyone',
    'not-supported': 'marked NotSupported by every port of the peer',
    'duplicate': 'the same input is adopted from another peer file',
}

# ---- decisions: index -> list of rows, or a reason key ----

NUMBER = {
    0: 'punctuation', 1: 'punctuation', 2: 'unit', 3: 'unit',
    4: 'idiom', 5: [NONE('May 4th')], 6: 'unit', 7: 'notation',
    8: [NONE('an')], 9: [NONE('a')], 10: 'notation',
    11: [X('4.800', 4.8)], 13: [X('sixteen', 16)],
    15: [X('one hundred and sixteen', 116)],
    16: [X('one hundred and six', 106)],
    17: [X('one hundred and sixty-one', 161)],
    20: 'not-supported', 21: [X('half a  dozen', 6)],
    22: [X('3 dozens', 36)], 23: [X('a dozen', 12)],
    24: [X('three dozens', 36)], 25: 'spoken',
    26: [X('1,234,567', 1234567)], 27: 'punctuation',
    28: [X('9.2321312', 9.2321312)], 29: 'negative', 30: 'negative',
    33: [X('three', 3)], 34: [X('123456789101231', 123456789101231)],
    35: 'negative', 36: 'negative', 37: [X('1', 1)],
    38: 'notation', 39: 'notation', 40: 'notation', 41: 'notation',
    42: [X('2 million', 2e6)], 43: [X('1 trillion', 1e12)],
    44: [X('three', 3)], 45: [X('one trillion', 1e12)],
    46: [X('twenty-one trillion', 21e12)],
    47: [X('twenty-one trillion three hundred', 21000000000300)],
    48: [X('twenty-one trillion and three hundred', 21000000000300)],
    49: 'spoken', 50: 'spoken',
    51: [X('Three hundred  and  thirty one', 331)],
    52: [X('two hundred and two thousand', 202000)],
    53: [X('two  thousand  and  two hundred', 2200)],
    54: 'notation', 55: 'spoken', 56: 'spoken', 59: 'spoken',
    60: [X('seventy', 70)], 61: [X('fifty-two', 52)],
    88: 'notation', 122: [NONE('first')], 125: 'negative',
    128: 'negative', 129: 'negative', 137: 'spaces', 138: 'spaces',
    139: 'spaces', 140: 'spaces', 141: 'spaces', 142: 'meta',
    143: [NONE('5/17/2018')], 144: [NONE('+1-222-2222/2222')],
    145: 'ambiguous', 146: 'ambiguous', 147: 'spoken', 148: 'spoken',
    149: 'spoken', 150: 'spoken', 151: 'spoken', 152: 'spoken',
    153: 'spoken', 154: 'spoken',
    155: [NONE('one')], 156: [NONE('one')], 157: [NONE('one')],
    158: [NONE('one')], 159: 'meta',
    160: [X('Twenty-six', 26)],
    162: [X('$10000', 10000, 'usd'), X('3 years', 36, 'months')],
    163: [X('$2000', 2000, 'usd'), X('3 years', 36, 'months')],
    165: [X('$20', 20, 'usd')], 166: 'negative',
    167: 'indian', 168: 'indian', 169: 'indian', 170: 'indian',
    171: 'notation', 172: 'notation', 173: 'indian',
    174: [X('12,567 words', 12567)], 175: 'meta', 176: 'meta',
    177: 'meta', 178: 'meta', 186: [X('10 bln', 1e10)],
    187: 'notation', 188: 'brackets', 189: [NONE('SCP-173')],
    193: 'notation', 194: 'notation',
    195: [X('1,674,200.5', 1674200.5)], 196: [X('1,674,200', 1674200)],
    197: [X('1,674.5 million', 1674.5e6)], 198: 'punctuation',
    199: 'punctuation', 200: 'notation', 216: 'idiom',
    217: 'no-number', 218: 'no-number', 219: 'no-number',
    220: 'no-number', 221: 'no-number', 224: 'idiom', 225: 'notation',
    226: 'misspelt', 227: 'huge-ordinal', 228: 'huge-ordinal',
    229: 'spoken', 230: 'spoken', 231: 'spoken', 232: 'spoken',
    233: 'spoken', 234: 'spoken',
}


def number_auto(case):
    subtypes = {r['Resolution'].get('subtype') for r in case['Results']}
    if 'fraction' in subtypes:
        return 'fraction'
    if 'power' in subtypes:
        return 'notation'
    return None


RANGE = {
    0: [NONE('1995-01')], 1: 'math',
    2: [RG('between 20 and 30', 20, 30)], 3: 'math', 4: 'negative',
    5: 'math', 6: 'math', 7: 'math', 8: 'merged', 9: 'notation',
    10: [RG('20 through 100', 20, 100)],
    11: [RG('from one thousand to one thousand and five hundred',
            1000, 1500)],
    12: 'merged', 13: 'fraction', 14: 'math', 15: 'math',
    16: [NONE('more than thirty years old')],
    17: [NONE('over thirty years old')],
    18: [NONE('no less than thirty')], 19: 'math', 20: 'math',
    21: 'fraction', 22: 'math', 23: 'math', 24: 'math', 25: 'math',
    26: [LT('below 170', 170, '*')], 27: [LT('under 170', 170, '*')],
    28: [LT('Fewer than a thousand', 1000)], 29: 'math', 30: 'math',
    31: 'merged', 32: 'fraction', 33: 'math', 34: 'math',
    35: [NONE('+1-222-2222/2222')], 36: [NONE('+1-222-2222-2222')],
    **{i: 'math' for i in range(37, 53)},
    53: [RG('1000-5000', 1000, 5000)],
    54: [RG('1000 - 5000', 1000, 5000)],
    55: [RG('1000\u20135000', 1000, 5000)],
    56: [RG('1000 \u2013 5000', 1000, 5000)],
    57: 'fraction', 58: 'meta',
    59: [MT('more than 30000', 30000), NONE('2009')],
    60: [LT('less than 3000', 3000), NONE('2009')],
    61: 'math', 62: 'math', 63: 'math', 64: 'math', 65: 'math',
    66: 'math', 67: 'math', 68: 'math',
    69: [RG('from 200 to 300', 200, 300), NONE('2008')],
    70: [RG('from 200 to 3000000', 200, 3000000), NONE('2008')],
    71: 'fraction', 72: [MT('exceed 3000', 3000)],
    73: [MT('surpass 3000', 3000)],
    74: [UT('up to 700', 700)], 75: 'meta',
    76: [MT('exceeding 150', 150, '*')],
    77: [MT('more than 20', 20, '*'), MT('above 170', 170, '*')],
    78: 'meta', 79: 'meta', 80: 'meta', 81: 'notation', 82: 'math',
    83: 'math', 84: 'math', 85: 'math', 86: 'math',
}

ORDINAL = {
    18: 'huge-ordinal', 19: 'fraction', 20: 'huge-ordinal',
    21: [X('11th', 11, 'ordinal')], 22: [X('21st', 21, 'ordinal')],
    23: [X('30th', 30, 'ordinal')], 24: [X('2nd', 2, 'ordinal')],
    25: [X('eleventh', 11, 'ordinal')], 26: [X('twentieth', 20, 'ordinal')],
    27: [X('twenty-fifth', 25, 'ordinal')],
    28: [X('twenty-first', 21, 'ordinal')],
    29: [X('one hundred twenty fifth', 125, 'ordinal')],
    30: [X('one hundred twenty-fifth', 125, 'ordinal')],
    31: 'huge-ordinal', 32: 'huge-ordinal',
    33: [X('two hundredth', 200, 'ordinal')], 34: 'duplicate',
    35: [X('first', 1, 'ordinal')], 36: [X('first', 1, 'ordinal')],
    37: [X('first', 1, 'ordinal')], 39: [X('second', 2, 'ordinal')],
    44: 'misspelt', 51: 'fraction', 52: 'fraction',
}


def ordinal_auto(case):
    types = {r['TypeName'] for r in case['Results']}
    if types == {'ordinal.relative'}:
        return 'relative'
    return None


PERCENT = {
    0: [X('100%', 100, 'percent')], 1: [X('100%', 100, 'percent')],
    2: [X('100 percent', 100, 'percent')], 3: 'spoken',
    4: [X('240 percent', 240, 'percent')],
    5: [X('twenty percent', 20, 'percent')], 6: 'spoken',
    7: [X('one hundred percent', 100, 'percent')], 8: 'spoken',
    9: 'spoken', 10: 'spoken', 11: 'spoken', 12: 'spoken',
    13: [X('10 percent', 10, 'percent')], 14: 'negative',
    15: [NONE('http://proquest.umi.com/pqdweb?RQT=305&SQ=issn%280024%2D9114'
              '%29%20and%20%28ti%28Using%203D%20CAD%20to%20design%20a%20dog'
              '%29%20or%20startpage%28158%29%29%20and%20volume%2872%29%20and'
              '%20issue%289%29%20and%20pdn%28%3E01%2F01%2F2000%20AND%20%3C12'
              '%2F31%2F2000%29&clientId=17859')],
    16: [NONE('https://www.test.com/search?q=30%25%2020%')],
    17: [NONE('percent')], 18: [NONE('%')], 19: [NONE('percentage')],
}
REASONS['spoken'] += '; "100 percentage", "percents of twenty"'

AGE = {
    0: [NONE('five years old')], 1: [NONE('ten years old')],
    2: [NONE('29 years old')], 3: [NONE('ninety five years of age')],
    4: [NONE('500 years old'),
        MT('more than 5,000 miles', 5000 * MI, 'km')],
    5: [NONE('60 years old'), NONE('May 8, 1945')],
    6: [X('25%', 25, 'percent'), NONE('3 years of age')],
    7: [NONE('one year old')], 8: [NONE('ten months old')],
    9: [NONE('8 months old')], 10: [NONE('eighteen months of age')],
    11: [X('95%', 95, 'percent'), NONE('2006'),
         NONE('three months old')],
    12: [NONE('three weeks old')], 13: [NONE('6 weeks of age')],
    14: [NONE('90 day old')], 15: [NONE('40 - 50 years old')],
    16: [NONE('87 yo')], 17: 'no-number', 18: [NONE('age 87')],
}


def usd(q, v):
    return X(q, v, 'usd')


CURRENCY = {
    0: [usd('$ 75 million', 75e6)], 1: 'currency',
    2: [usd('$94,000', 94000)], 3: [usd('$48.2 million', 48.2e6)],
    4: [X('c $ 16.4 million', 16.4e6, 'cad')],
    5: [usd('$ 280 million', 280e6)], 6: [A('$ 14 million', 14e6, 'usd')],
    7: [usd('$ 12,345', 12345)],
    8: [MT('$ 247 million', 247e6, 'usd')],
    9: [A('\u00a3 8.10 million', 8.1e6, 'gbp')],
    10: [usd('$ 254 million', 254e6)], 11: [usd('$ 1 billion', 1e9)],
    12: [A('$ 35 million', 35e6, 'usd')], 13: [usd('$ 40,000', 40000)],
    14: [usd('$ 250,000', 250000)], 16: [usd('$ 800', 800)],
    17: [usd('$ 125 million', 125e6)], 18: [usd('$ 2.75', 2.75)],
    19: [A('$ 90 million', 90e6, 'usd')],
    20: [A('$ 470 million', 470e6, 'usd')],
    21: [usd('$ 300 million', 300e6)], 22: [usd('$ 1.22', 1.22)],
    24: [usd('$ 70', 70)], 25: [usd('$ 14 million', 14e6)],
    26: [usd('$ 48 billion', 48e9)], 27: [usd('$ 300 million', 300e6)],
    28: [usd('$ 5,000', 5000)], 29: [usd('$ 1 billion', 1e9)],
    30: [usd('$ 11.7 million', 11.7e6)],
    31: [X('hk $ 10.05 billion', 10.05e9, 'hkd')],
    32: [usd('$ 1.17 billion', 1.17e9)], 33: [A('$ 2.50', 2.5, 'usd')],
    34: [usd('$ 300,000', 300000)], 35: [usd('$ 1.45 billion', 1.45e9)],
    36: [A('$ 2 billion', 2e9, 'usd')],
    38: [A('$ 62.7 million', 62.7e6, 'usd')],
    39: [usd('$ 22.5 million', 22.5e6)], 40: [usd('$ 63.45', 63.45)],
    41: [usd('$ 150 million', 150e6)], 42: [usd('$ 8.50', 8.5)],
    44: [usd('$ 75.3 million', 75.3e6)],
    45: [usd('$ 2.38 billion', 2.38e9)], 46: 'currency',
    47: [usd('us $ 150 million', 150e6)], 48: [A('$ 98', 98, 'usd')],
    49: [A('$ 500 million', 500e6, 'usd')],
    50: [usd('$ 13.18 billion', 13.18e9)], 51: [usd('$ 1.40', 1.4)],
    52: [usd('$ 2.54 billion', 2.54e9)],
    53: [X('125 million australian dollars', 125e6, 'aud')],
    54: [X('five million yen', 5e6, 'jpy')],
    55: [X('450,000 yen', 450000, 'jpy')],
    57: [X('309,381 yen', 309381, 'jpy')],
    59: [X('c $ 300 million', 300e6, 'cad')],
    60: [A('c $ 1.34', 1.34, 'cad')], 62: 'currency', 63: 'currency',
    64: [X('one-yen', 1, 'jpy')], 65: 'currency', 66: 'currency',
    69: [X('361 million pounds', 361e6, 'gbp')],
    70: [X('100 billion yuan', 100e9, 'cny')],
    71: [A('\u00a3 50 million', 50e6, 'gbp')],
    72: [X('323 million euros', 323e6, 'eur')],
    73: [X('10,000 swiss francs', 10000, 'chf')],
    74: [A('\u00a3 15 million', 15e6, 'gbp')], 75: 'garbled',
    76: [usd('$ 4 million', 4e6)], 77: [usd('$ 1.6 million', 1.6e6)],
    78: [X('\u20ac 2 million', 2e6, 'eur')],
    79: [usd('us $ 10 billion', 10e9)], 80: [usd('$ 659', 659)],
    81: [usd('$ 2', 2)], 82: [X('\u00a3 60,000', 60000, 'gbp')],
    83: [X('\u00a3 100', 100, 'gbp')],
    84: [usd('$ 415.9 million', 415.9e6)],
    86: [usd('$ 3 million', 3e6)], 87: [usd('$ 48', 48)],
    88: [usd('$ 500 million', 500e6)],
    89: [X('\u00a3 90 million', 90e6, 'gbp')],
    90: [usd('$ 125,000', 125000)], 91: [usd('$ 186 million', 186e6)],
    92: [usd('$ 100 million', 100e6)], 93: [usd('$ 20,000', 20000)],
    94: [X('143.80 yen', 143.8, 'jpy')],
    95: 'compound', 96: 'compound', 97: 'compound', 98: 'compound',
    99: 'compound',
    100: [usd('10 us dollar', 10), X('100 chinese yuan', 100, 'cny')],
    101: [usd('10 us dollar', 10)], 102: 'currency', 103: 'compound',
    104: [usd('$4.25', 4.25)], 105: 'currency', 106: 'currency',
    107: 'currency', 108: 'currency', 109: 'currency', 110: 'currency',
    111: [usd('u.s $ 100,000,000', 1e8)], 112: [usd('5 dollars', 5)],
    113: [usd('$10000', 10000)], 114: [usd('$10000', 10000)],
    115: [usd('$20', 20)], 116: 'garbled', 117: 'garbled',
    118: 'garbled', 119: 'currency', 120: 'currency',
    121: [usd('$ 20,000.00', 20000), usd('$ 37,305.97', 37305.97)],
    122: [usd('10 $', 10), X('10 \u20ac', 10, 'eur')],
    123: [X('%d \u20ac' % v, v, 'eur') for v in (5, 10, 20, 50, 100, 200,
                                                500)],
    124: 'garbled', 125: 'not-supported', 126: 'garbled',
    127: 'compound', 128: 'currency', 129: 'currency', 130: 'currency',
    131: 'currency', 132: 'currency', 133: 'indian',
    134: [usd('USD 200', 200)], 135: [X('EUR 125', 125, 'eur')],
    136: [X('GBP 350', 350, 'gbp')], 137: 'fraction', 138: 'fraction',
    139: 'fraction', 140: 'fraction', 141: 'currency', 142: 'currency',
    143: 'currency', 144: 'currency', 145: 'compound', 146: 'compound',
    147: 'code', 148: 'currency', 149: 'code', 150: 'code', 151: 'code',
    152: [usd('USD115', 115)], 153: [usd('USD115.5', 115.5)],
    154: [usd('115USD', 115)], 155: [usd('115.5USD', 115.5)],
    156: 'count-only', 157: 'count-only', 158: 'count-only',
    159: 'count-only', 160: 'count-only', 161: 'no-number',
    162: 'no-number', 163: 'code', 164: 'not-supported',
    165: [usd('USD 22.5 million', 22.5e6)], 166: 'compound',
    167: 'compound', 168: 'compound', 169: 'garbled', 170: 'code',
    171: [usd('500 USD', 500)],
    172: [usd('three thousand dollars', 3000)], 173: 'peer-null',
    174: 'currency', 175: 'code', 176: 'code', 177: 'code',
    178: 'code', 179: 'code',
}


def currency_auto(case):
    units = {r['Resolution'].get('unit') for r in case['Results']}
    if units & {'Cent', 'Pence', 'Penny'}:
        return 'subunit'
    return None


def m(q, v):
    return X(q, v, 'm')


DIMENSION = {
    0: [X('200lbs', 200 * LB, 'kg')], 1: 'unit',
    2: [X('3-inch', 3 * IN, 'mm')], 3: [A('ten miles', 10 * MI, 'km')],
    4: 'fraction', 5: [X('six-mile', 6 * MI, 'km')], 6: 'unit',
    7: [m('two feet', 2 * FT)], 8: 'unit',
    9: [X('45-acre', 45 * ACRE, 'ha')],
    10: [RG('10 feet', 8 * FT, 10 * FT, 'm')],
    11: 'unit', 12: 'unit', 13: 'unit',
    14: [MT('two pounds', 2 * LB, 'kg')],
    15: [X('25 pounds', 25 * LB, 'kg')], 16: 'unit', 17: 'unit',
    18: [X('200 miles', 200 * MI, 'km')], 19: [m('three-foot', 3 * FT)],
    20: 'unit', 21: 'unit', 22: 'unit', 23: 'unit',
    24: [UT('six feet', 6 * FT, 'm')],
    25: [X('16,000 metric tons', 16e6, 'kg')], 26: 'unit', 27: 'unit',
    28: [m('100 meters', 100)], 29: [X('2.5-mile', 2.5 * MI, 'km')],
    30: [X('four-mile', 4 * MI, 'km')],
    31: [A('325 kilometer', 325, 'km')], 32: [m('5 feet', 5 * FT)],
    33: [X('4 inches', 4 * IN, 'mm')], 34: 'fraction',
    35: [X('1.6 km', 1.6, 'km')], 36: [A('17 km', 17, 'km')],
    37: [m('776-foot', 776 * FT)], 38: [m('500 metres', 500)],
    39: 'not-supported', 40: [X('7.62mm', 7.62, 'mm')],
    41: [X('34,500 metric tons', 34.5e6, 'kg')],
    42: [X('291,890 metric tons', 291.89e6, 'kg')],
    43: [X('190 km2', 19000, 'ha')],
    44: [X('2,204.62 pounds', 2204.62 * LB, 'kg')],
    45: 'no-number', 46: 'no-number', 47: 'ambiguous', 48: 'notation',
    49: 'unit', 50: 'unit', 51: [NONE('2:00 pm')], 52: [NONE('2 pm')],
    53: [X('one mile', MI, 'km')], 54: 'no-number',
    55: [m('1.8m', 1.8)], 56: [usd('1.8M dollars', 1.8e6)],
    57: 'garbled', 58: 'garbled', 59: 'indian',
    60: 'compound', 61: 'compound', 62: 'compound', 63: 'compound',
    64: 'compound', 65: 'unit', 66: 'unit', 67: 'unit', 68: 'unit',
    69: 'no-number', 70: 'unit', 71: 'brackets', 72: 'brackets',
    73: 'brackets', 74: 'brackets', 75: 'unit', 76: 'unit',
    77: [NONE('24703L202')], 78: [NONE('24703 L-202')],
    79: [NONE('24703m212')], 80: [NONE('24703 m212')], 81: 'unit',
    82: [NONE('scp-173m')], 83: [NONE('scp2-173m')],
    84: [NONE('scp-173 m')], 85: [NONE('scp173m')],
    86: 'unit', 87: 'unit', 88: 'unit', 89: 'unit', 90: 'unit',
    91: 'unit', 92: 'unit', 93: 'no-scale',
    94: [X('100\u00b0 Celsius', 100, 'degC')],
    95: [m('48m', 48)], 96: [NONE('6pm')], 97: [NONE('11pm')],
    98: 'meta',
    99: [X('50,000', 50000), NONE('2020'),
         X('third-largest', 3, 'ordinal')],
}


def c(q, v):
    return X(q, v, 'degC')


TEMPERATURE = {
    0: [c('40 deg celsius', 40)], 1: [c('90 fahrenheit', f2c(90))],
    2: [c('-5 degree fahrenheit', f2c(-5))], 3: [c('6 deg c', 6)],
    4: [c('98.6 degrees f', 37)], 5: [c('30 degrees celsius', 30)],
    6: [c('98.6 degrees fahrenheit', 37)],
    7: [c('100 degrees f', f2c(100))], 8: [c('20 degrees c', 20)],
    9: 'misspelt', 10: 'misspelt', 11: [c('20 degrees celsius', 20)],
    12: [c('20.3 celsius', 20.3)], 13: 'misspelt', 14: 'no-scale',
    15: 'no-scale', 16: 'no-scale', 17: [c('70 degrees f', f2c(70))],
    18: 'no-scale', 19: 'no-scale', 20: [c('75 degrees f', f2c(75))],
    21: [c('40 celsius', 40)], 22: 'no-scale', 23: [c('10 celsius', 10)],
    24: 'misspelt', 25: [c('200 celsius', 200)],
    26: [c('101 fahrenheit', f2c(101))],
    27: [c('50 degrees celsius', 50)], 28: [c('51 fahrenheit', f2c(51))],
    29: [c('106 degree fahrenheit', f2c(106))],
    30: [c('45 degrees fahrenheit', f2c(45))], 31: 'notation',
    32: [NONE('123 Random Street'), NONE('PA 23456')],
    33: [NONE('SCP-173C')], 34: 'unit', 35: 'unit',
    36: [usd('$765 million', 765e6)], 37: [NONE('March 2021')],
    38: [X('9 per cent', 9, 'percent'), usd('$165 million', 165e6),
         NONE('fiscal 2021')],
    39: [MT('more than 800,000', 800000)], 40: [NONE('Boeing 777F')],
    41: [NONE('13F')], 42: [NONE('13F')],
}


FILES = [
    ('Number-English-NumberModel.json', 'peer-number.tsv', NUMBER,
     number_auto),
    ('Number-English-NumberRangeModel.json', 'peer-range.tsv', RANGE,
     None),
    ('Number-English-OrdinalModel.json', 'peer-ordinal.tsv', ORDINAL,
     ordinal_auto),
    ('Number-English-PercentModel.json', 'peer-percent.tsv', PERCENT,
     None),
    ('NumberWithUnit-English-AgeModel.json', 'peer-age.tsv', AGE, None),
    ('NumberWithUnit-English-CurrencyModel.json', 'peer-currency.tsv',
     CURRENCY, currency_auto),
    ('NumberWithUnit-English-DimensionModel.json', 'peer-dimension.tsv',
     DIMENSION, None),
    ('NumberWithUnit-English-TemperatureModel.json',
     'peer-temperature.tsv', TEMPERATURE, None),
]


def num(v):
    if v is None:
        return '-'
    s = format(v, '.15g')
    if 'e' in s and abs(v) >= 1:
        s = format(v, '.0f')
    return s


def tsv_row(case_input, ref, row):
    quote, value, unit, qual, low, high = row
    if '\t' in case_input or '\n' in case_input:
        raise SystemExit('%s: input has a tab or newline' % ref)
    if quote not in case_input:
        raise SystemExit('%s: quote %r not in %r' % (ref, quote,
                                                      case_input))
    if qual == 'none':
        fields = [case_input, quote, '-', '-', '-', '-', 'none', '-']
    elif qual in ('exact', 'about'):
        # the peer resolves a value, not bounds; ours keep the written
        # precision of measures (fact.h), so bounds are not checked here
        fields = [case_input, quote, 'null' if value is None else num(value),
                  unit, '*', '*', qual, '*']
    else:
        fields = [case_input, quote, 'null' if value is None else num(value),
                  unit, num(low), num(high), qual, '*']
    return '\t'.join(fields + [ref]) + '\n'


def main():
    spec_dir = sys.argv[1] if len(sys.argv) > 1 else \
        '../shared/peer-specs/recognizers-text'
    out_dir = sys.argv[2] if len(sys.argv) > 2 else \
        os.path.dirname(os.path.abspath(__file__))
    total_cases = total_adopted = total_rows = 0
    skipped_by_reason = {}
    lines = []
    for spec, out, decisions, auto in FILES:
        with open(os.path.join(spec_dir, spec), encoding='utf-8-sig') as f:
            cases = json.load(f)
        model = spec.split('-', 2)[2].rsplit('.', 1)[0]
        stem = model.replace('English-', '')
        adopted = rows = 0
        skipped = {}
        body = []
        for i, case in enumerate(cases):
            d = decisions.get(i)
            if d is None and auto:
                d = auto(case)
            if d is None:
                raise SystemExit('%s case %d has no decision: %r'
                                 % (spec, i, case['Input']))
            if isinstance(d, str):
                if d not in REASONS:
                    raise SystemExit('%s case %d: unknown reason %r'
                                     % (spec, i, d))
                skipped.setdefault(d, []).append(i)
                continue
            adopted += 1
            for row in d:
                body.append(tsv_row(case['Input'], '%s#%d' % (stem, i),
                                    row))
                rows += 1
        extra = set(decisions) - set(range(len(cases)))
        if extra:
            raise SystemExit('%s: decisions for no case: %s' % (spec,
                                                               sorted(extra)))
        with open(os.path.join(out_dir, out), 'w', encoding='utf-8',
                  newline='\n') as f:
            f.write('# Adopted from Microsoft Recognizers-Text, Specs/%s\n'
                    % spec)
            f.write('# (MIT License, Copyright (c) Microsoft Corporation);'
                    ' see PEER.md.\n')
            f.write('# Generated by peer-convert.py: edit the script, not '
                    'this file.\n')
            f.write('# sentence quote value unit low high qualifier topic '
                    'ref\n')
            f.writelines(body)
        total_cases += len(cases)
        total_adopted += adopted
        total_rows += rows
        lines.append('| %s | %s | %d | %d | %d | %d |'
                     % (spec, out, len(cases), adopted, rows,
                        len(cases) - adopted))
        for reason, idx in skipped.items():
            skipped_by_reason.setdefault(reason, []).append(
                '%s %s' % (stem, ','.join(map(str, idx))))
    print('| peer file | our file | cases | adopted | rows | skipped |')
    print('|---|---|---:|---:|---:|---:|')
    print('\n'.join(lines))
    print('| total | | %d | %d | %d | %d |'
          % (total_cases, total_adopted, total_rows,
             total_cases - total_adopted))
    print()
    print('Skipped cases by reason (peer file stem and case indices, '
          '0-based):')
    print()
    for reason in sorted(skipped_by_reason):
        print('- **%s**: %s.  Cases: %s.'
              % (reason, REASONS[reason],
                 '; '.join(skipped_by_reason[reason])))


if __name__ == '__main__':
    main()
