"""Product pictures for the demo catalogs, drawn with Pillow.

One small WebP per (drawing, colour, accent): a studio-style picture of the
product type in the product's colour, lit from the top left, with a soft
shadow on a light backdrop. `make_demo.py` calls `picture()` for every row and
`write_all()` once; nothing here reads a file or the network, and the same
inputs give the same bytes with the same Pillow (see catalog/README.md).

Coordinates are on a 100 x 100 grid, drawn 4x larger and scaled down for
smooth edges. Objects stay inside y 12..88 so a 4:3 crop of the square keeps
them whole.
"""

import io
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = 200          # pixels of the square picture
SCALE = 4           # supersampling
QUALITY = 72        # WebP quality

WHITE = (246, 246, 244)
GUM = (196, 146, 84)
BLACK = (34, 34, 36)
CREAM = (236, 228, 208)
SILVER = (200, 204, 208)
# Accents a model may use for its trim (soles, stripes, straps, logos).
ACCENTS = [WHITE, BLACK, GUM, CREAM]


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def shade(c, k):
    """Darker (k < 1) or lighter (k > 1) version of colour `c`."""
    if k <= 1:
        return tuple(int(v * k) for v in c)
    return tuple(int(v + (255 - v) * (k - 1)) for v in c)


def luma(c):
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def contrast_accent(base, candidates):
    """The first candidate that stands out from `base`."""
    for c in candidates:
        if abs(luma(c) - luma(base)) > 60:
            return c
    return BLACK if luma(base) > 128 else WHITE


class Pen:
    """Draws on the 100-unit grid of a supersampled RGBA layer."""

    def __init__(self, base, accent):
        self.px = SIZE * SCALE
        self.img = Image.new("RGBA", (self.px, self.px), (0, 0, 0, 0))
        self.d = ImageDraw.Draw(self.img)
        self.base = base
        self.accent = accent
        self.edge = shade(base, 0.62) if luma(base) > 60 else shade(base, 1.6)

    def u(self, v):
        return v * self.px / 100

    def pts(self, points):
        return [(self.u(x), self.u(y)) for x, y in points]

    def poly(self, points, fill=None, outline=True):
        fill = fill or self.base
        self.d.polygon(self.pts(points), fill=fill + (255,),
                       outline=(shade(fill, 0.62) + (255,)) if outline else None,
                       width=int(self.u(0.8)) if outline else 0)

    def box(self, x0, y0, x1, y1, r=0, fill=None, outline=True):
        fill = fill or self.base
        self.d.rounded_rectangle([self.u(x0), self.u(y0), self.u(x1), self.u(y1)], radius=self.u(r),
                                 fill=fill + (255,),
                                 outline=(shade(fill, 0.62) + (255,)) if outline else None,
                                 width=int(self.u(0.8)) if outline else 0)

    def oval(self, x0, y0, x1, y1, fill=None, outline=True):
        fill = fill or self.base
        self.d.ellipse([self.u(x0), self.u(y0), self.u(x1), self.u(y1)], fill=fill + (255,),
                       outline=(shade(fill, 0.62) + (255,)) if outline else None,
                       width=int(self.u(0.8)) if outline else 0)

    def line(self, points, width=0.8, fill=None):
        fill = fill or self.edge
        self.d.line(self.pts(points), fill=fill + (255,), width=max(1, int(self.u(width))), joint="curve")

    def arc(self, x0, y0, x1, y1, start, end, width=2.0, fill=None):
        fill = fill or self.base
        self.d.arc([self.u(x0), self.u(y0), self.u(x1), self.u(y1)], start, end,
                   fill=fill + (255,), width=max(1, int(self.u(width))))


# ---------------------------------------------------------------------------
# Drawings: each takes a Pen and a style number (0..2) and draws one product.
# ---------------------------------------------------------------------------

def top(p, style, sleeve="short", collar=None, hood=False, pocket=False, rib=False):
    """T-shirts, shirts, sweaters, hoodies and jackets share one torso."""
    b = p.base
    if sleeve == "short":
        p.poly([(30, 24), (14, 36), (21, 49), (31, 44)])
        p.poly([(70, 24), (86, 36), (79, 49), (69, 44)])
    else:
        p.poly([(30, 24), (17, 36), (12, 80), (22, 81), (31, 46)])
        p.poly([(70, 24), (83, 36), (88, 80), (78, 81), (69, 46)])
        if rib:
            p.box(11.5, 76, 22.5, 82, 1, fill=shade(b, 0.85))
            p.box(77.5, 76, 88.5, 82, 1, fill=shade(b, 0.85))
    p.poly([(30, 24), (41, 19), (59, 19), (70, 24), (70, 86), (30, 86)])
    if rib:
        p.box(29.5, 80, 70.5, 87, 1, fill=shade(b, 0.85))
    if hood:
        p.poly([(38, 21), (36, 12), (50, 8), (64, 12), (62, 21), (50, 30)], fill=shade(b, 0.9))
        p.line([(46, 28), (45, 42)], 0.8, fill=p.accent)
        p.line([(54, 28), (55, 42)], 0.8, fill=p.accent)
    elif collar == "shirt":
        p.poly([(41, 19), (50, 30), (44, 33), (38, 22)], fill=shade(b, 1.08))
        p.poly([(59, 19), (50, 30), (56, 33), (62, 22)], fill=shade(b, 1.08))
        p.line([(50, 30), (50, 86)], 0.6)
        for y in (38, 50, 62, 74):
            p.oval(49, y, 51, y + 2, fill=shade(b, 0.8), outline=False)
    elif collar == "zip":
        p.poly([(41, 19), (44, 13), (56, 13), (59, 19), (50, 23)], fill=shade(b, 0.88))
        p.line([(50, 19), (50, 86)], 1.0, fill=SILVER)
        p.box(33, 60, 42, 62, 1, fill=shade(b, 0.7), outline=False)
        p.box(58, 60, 67, 62, 1, fill=shade(b, 0.7), outline=False)
    else:
        p.d.chord([p.u(41), p.u(14), p.u(59), p.u(26)], 0, 180, fill=shade(b, 0.78) + (255,))
    if pocket:
        p.poly([(38, 62), (62, 62), (66, 78), (34, 78)], fill=shade(b, 0.93))
    if not hood and collar is None and style == 1:
        p.box(56, 32, 63, 36, 1, fill=p.accent, outline=False)
    if not hood and collar is None and style == 2:
        p.box(30.5, 48, 69.5, 52, 0, fill=p.accent, outline=False)


def tshirt(p, s): top(p, s)
def shirt(p, s): top(p, s, sleeve="long", collar="shirt")
def sweater(p, s): top(p, s, sleeve="long", rib=True)
def hoodie(p, s): top(p, s, sleeve="long", hood=True, pocket=True, rib=True)
def jacket(p, s): top(p, s, sleeve="long", collar="zip", rib=(s != 1))


def legs(p, s, length, jeans=False):
    b = p.base
    t = 14 + (72 - length) / 2          # short legs sit mid-frame
    y = t + length
    p.poly([(31, t), (69, t), (72, y), (54, y), (50, t + 18), (46, y), (28, y)])
    p.box(30.5, t - 1, 69.5, t + 6, 1, fill=shade(b, 0.9))
    p.line([(50, t + 6), (50, t + 18)], 0.7)
    if jeans:
        stitch = (214, 150, 64)
        p.line([(34, t + 7), (38, t + 15), (44, t + 7)], 0.6, fill=stitch)
        p.line([(66, t + 7), (62, t + 15), (56, t + 7)], 0.6, fill=stitch)
        p.oval(48.8, t + 1.5, 51.2, t + 3.9, fill=SILVER, outline=False)
    elif s == 2:
        p.line([(31, t + 8), (29, y - 2)], 1.2, fill=p.accent)
        p.line([(69, t + 8), (71, y - 2)], 1.2, fill=p.accent)


def jeans(p, s): legs(p, s, 72, jeans=True)
def pants(p, s): legs(p, s, 72)
def shorts(p, s): legs(p, s, 40)
def denim_shorts(p, s): legs(p, s, 40, jeans=True)


def skirt(p, s):
    b = p.base
    p.poly([(36, 20), (64, 20), (78, 76), (22, 76)])
    p.box(35, 16, 65, 22, 1, fill=shade(b, 0.88))
    for x in (36, 43, 50, 57, 64):
        p.line([(x + (x - 50) * 0.05, 23), (x + (x - 50) * 0.5, 75)], 0.5)


def dress(p, s):
    b = p.base
    p.poly([(38, 20), (62, 20), (60, 44), (80, 86), (20, 86), (40, 44)])
    p.line([(40, 20), (42, 10)], 1.2, fill=shade(b, 0.85))
    p.line([(60, 20), (58, 10)], 1.2, fill=shade(b, 0.85))
    p.box(39, 42, 61, 46, 1, fill=p.accent if s == 1 else shade(b, 0.85), outline=False)
    for x in (32, 44, 56, 68):
        p.line([(50 + (x - 50) * 0.3, 47), (x, 85)], 0.4)


def shoe(p, s, high=0, heel=False, sole=5.0, runner=False, loafer=False):
    b = p.base
    sole_c = [WHITE, GUM, BLACK][s % 3] if not heel else BLACK
    if sole_c == b or abs(luma(sole_c) - luma(b)) < 25:
        sole_c = contrast_accent(b, [WHITE, BLACK, GUM])
    top_y = 44 - high
    if heel:
        p.poly([(12, 70), (20, 58), (38, 53), (60, 42), (78, 32), (88, 38), (86, 54), (76, 56), (58, 64), (30, 72)])
        p.poly([(78, 56), (86, 54), (82, 84), (79, 84)], fill=sole_c)
        p.poly([(12, 70), (30, 72), (58, 64), (60, 67), (30, 76), (12, 74)], fill=sole_c)
        return
    upper = [(8, 70), (9, 63), (15, 57), (28, 53), (42, 48), (50, top_y), (60, top_y - 5),
             (72, top_y - 6), (82, top_y - 4), (88, top_y + 2), (91, 58), (92, 70)]
    p.poly(upper)
    p.poly([(80, top_y - 4), (88, top_y + 2), (91, 58), (92, 70), (80, 70)], fill=shade(b, 0.88))
    p.box(6, 68, 94, 68 + sole, 3, fill=sole_c)
    if runner:
        p.poly([(58, 68), (94, 68), (94, 68 + sole), (62, 68 + sole)], fill=shade(sole_c, 0.9))
    p.line([(50, top_y), (60, top_y - 2), (74, top_y - 2), (82, top_y - 3)], 1.4,
           fill=shade(b, 0.5) if luma(b) > 60 else shade(b, 2.0))
    if loafer:
        p.line([(26, 56), (48, 50)], 1.0)
        p.box(30, 55, 44, 58.5, 1, fill=shade(b, 0.75), outline=False)
        return
    # laces along the throat
    lace = shade(b, 0.7) if luma(b) > 90 else WHITE
    for i in range(4 if not high else 6):
        x = 40 + i * 4.5
        y = 50 - i * (1.6 if not high else 4.5)
        p.line([(x, y), (x + 4, y + 3)], 0.9, fill=lace)
    # side stripe or badge: the model's accent
    accent = p.accent if p.accent != b else contrast_accent(b, ACCENTS)
    if s == 0:
        p.d.arc([p.u(28), p.u(36), p.u(80), p.u(72)], 115, 200, fill=accent + (255,), width=int(p.u(2.4)))
    elif s == 1:
        for i in range(3):
            p.line([(48 + i * 5, 66), (56 + i * 5, 53)], 1.8, fill=accent)
    else:
        p.box(66, top_y + 8, 78, top_y + 14, 2, fill=accent)


def sneakers(p, s): shoe(p, s)
def running(p, s): shoe(p, s, sole=7.0, runner=True)
def loafers(p, s): shoe(p, s, sole=3.5, loafer=True)
def heels(p, s): shoe(p, s, heel=True)


def boots(p, s):
    b = p.base
    sole_c = contrast_accent(b, [BLACK, GUM, (90, 60, 40)])
    p.poly([(14, 74), (16, 62), (30, 56), (46, 52), (54, 20), (80, 20), (82, 74)])
    p.box(12, 72, 84, 80, 2, fill=sole_c)
    p.box(53.5, 18, 80.5, 24, 1, fill=shade(b, 0.85))
    for i in range(5):
        y = 28 + i * 6
        p.line([(54 - i * 0.8, y), (60 - i * 0.8, y + 2)], 0.8, fill=shade(b, 0.6))
    if s == 2:
        p.box(76, 30, 82, 60, 1, fill=shade(b, 0.6))


def sandals(p, s):
    b = p.base
    sole_c = shade(b, 0.8) if s else CREAM
    p.oval(22, 24, 48, 86, fill=sole_c)
    p.oval(54, 24, 80, 86, fill=sole_c)
    for x in (22, 54):
        p.box(x + 1, 40, x + 25, 47, 3, fill=b)
        p.box(x + 1, 54, x + 25, 61, 3, fill=b)


def backpack(p, s):
    b = p.base
    p.box(44, 8, 56, 16, 4, fill=shade(b, 0.7))
    p.box(26, 14, 74, 86, 14)
    p.box(32, 50, 68, 82, 8, fill=shade(b, 0.9))
    p.line([(34, 54), (66, 54)], 0.8, fill=SILVER)
    p.line([(28, 30), (72, 30)], 0.6)
    if s == 1:
        p.box(46, 64, 54, 70, 1, fill=p.accent, outline=False)


def handbag(p, s):
    b = p.base
    p.arc(34, 10, 66, 50, 180, 360, 3.0, fill=shade(b, 0.8))
    p.poly([(22, 34), (78, 34), (84, 82), (16, 82)])
    p.poly([(22, 34), (78, 34), (74, 56), (26, 56)], fill=shade(b, 0.9))
    p.box(46, 50, 54, 58, 1, fill=SILVER if s != 1 else (212, 175, 55))


def tote(p, s):
    b = p.base
    p.arc(30, 8, 48, 52, 180, 360, 2.4, fill=shade(b, 0.75))
    p.arc(52, 8, 70, 52, 180, 360, 2.4, fill=shade(b, 0.75))
    p.poly([(20, 30), (80, 30), (76, 86), (24, 86)])
    if s != 0:
        p.box(21, 60, 79, 66, 0, fill=p.accent, outline=False)


def wallet(p, s):
    b = p.base
    p.box(18, 28, 82, 74, 6)
    p.box(18, 28, 82, 44, 6, fill=shade(b, 0.9))
    p.line([(22, 48), (78, 48)], 0.5)
    p.box(72, 40, 82, 52, 2, fill=shade(b, 0.8))


def headphones(p, s):
    b = p.base
    p.arc(20, 12, 80, 72, 180, 360, 5.0)
    p.arc(22, 14, 78, 70, 195, 345, 2.0, fill=shade(b, 1.25))
    p.box(14, 44, 32, 78, 8)
    p.box(68, 44, 86, 78, 8)
    p.box(28, 48, 34, 74, 3, fill=shade(b, 0.65))
    p.box(66, 48, 72, 74, 3, fill=shade(b, 0.65))


def earbuds(p, s):
    b = p.base
    p.box(30, 40, 70, 80, 14)
    p.line([(31, 52), (69, 52)], 0.6)
    p.oval(48, 64, 52, 68, fill=(80, 200, 120), outline=False)
    for x in (22, 62):
        p.oval(x, 16, x + 14, 30)
        p.box(x + 4, 26, x + 9, 40, 2)


def speaker(p, s):
    b = p.base
    if s == 1:
        p.box(30, 14, 70, 86, 14)
        for r in range(5):
            for c in range(4):
                p.oval(36 + c * 8, 24 + r * 11, 40 + c * 8, 28 + r * 11, fill=shade(b, 0.7), outline=False)
    else:
        p.box(14, 32, 86, 70, 19)
        p.oval(22, 40, 44, 62, fill=shade(b, 0.8))
        p.oval(56, 40, 78, 62, fill=shade(b, 0.8))
        p.box(46, 44, 54, 58, 2, fill=p.accent if p.accent != b else WHITE, outline=False)


def smartwatch(p, s):
    b = p.base
    p.box(38, 8, 62, 92, 6)
    p.box(30, 28, 70, 72, 10, fill=shade(b, 0.85))
    p.box(34, 32, 66, 68, 7, fill=(20, 22, 28))
    p.d.arc([p.u(40), p.u(38), p.u(60), p.u(62)], 200, 20, fill=(120, 220, 140, 255), width=int(p.u(2)))
    p.box(69, 44, 73, 54, 1, fill=shade(b, 0.7))


def watch(p, s):
    b = p.base
    p.box(40, 8, 60, 92, 5)
    p.oval(28, 28, 72, 72, fill=SILVER if luma(b) < 160 else shade(b, 0.8))
    p.oval(32, 32, 68, 68, fill=WHITE if s != 1 else (24, 26, 32))
    hand = BLACK if s != 1 else WHITE
    p.line([(50, 50), (50, 37)], 1.2, fill=hand)
    p.line([(50, 50), (59, 55)], 1.2, fill=hand)
    p.box(71, 47, 75, 53, 1, fill=SILVER)


def charger(p, s):
    b = p.base
    p.line([(50, 70), (50, 80), (20, 86), (16, 70)], 1.6, fill=shade(b, 0.8))
    p.box(32, 28, 68, 70, 8)
    p.box(40, 18, 44, 29, 1, fill=SILVER)
    p.box(56, 18, 60, 29, 1, fill=SILVER)
    p.box(44, 46, 56, 52, 2, fill=shade(b, 0.6), outline=False)


def keyboard(p, s):
    b = p.base
    p.poly([(10, 62), (18, 34), (82, 34), (90, 62)])
    p.poly([(10, 62), (90, 62), (90, 68), (10, 68)], fill=shade(b, 0.8))
    key = shade(b, 1.25) if luma(b) < 140 else shade(b, 0.85)
    for r in range(4):
        y0 = 37 + r * 6
        x_left = 18 - r * 2 + 1
        width = 64 + r * 4
        n = 12
        for c in range(n):
            x = x_left + c * width / n
            p.box(x, y0, x + width / n - 1.2, y0 + 4.4, 0.8, fill=key, outline=False)


def mug(p, s):
    b = p.base
    p.arc(60, 36, 84, 66, 270, 90, 4.0)
    p.box(22, 26, 66, 80, 4)
    p.oval(22, 22, 66, 30, fill=shade(b, 0.75))
    if s == 1:
        p.box(22, 46, 66, 54, 0, fill=p.accent, outline=False)


def lamp(p, s):
    b = p.base
    p.box(26, 78, 58, 84, 3)
    p.line([(42, 80), (36, 46), (58, 24)], 2.2, fill=shade(b, 0.9))
    p.poly([(50, 12), (70, 16), (80, 40), (52, 30)])
    p.oval(66, 30, 82, 40, fill=(255, 238, 170))


def cushion(p, s):
    b = p.base
    p.poly([(16, 18), (50, 24), (84, 18), (78, 50), (84, 82), (50, 76), (16, 82), (22, 50)])
    if s == 1:
        p.line([(26, 50), (74, 50)], 0.6)
        p.line([(50, 28), (50, 72)], 0.6)
    elif s == 2:
        p.oval(44, 44, 56, 56, fill=p.accent)


def throw(p, s):
    b = p.base
    for i, y in enumerate((58, 44, 30)):
        p.box(16, y, 84, y + 16, 5, fill=shade(b, 1.0 - i * 0.06))
        p.line([(16, y + 12), (84, y + 12)], 0.6, fill=p.accent)
    for x in range(18, 84, 4):
        p.line([(x, 74), (x, 80)], 0.5, fill=shade(b, 0.8))


def candle(p, s):
    b = p.base
    p.oval(47, 12, 53, 24, fill=(252, 196, 64), outline=False)
    p.line([(50, 22), (50, 30)], 0.8, fill=BLACK)
    p.box(28, 30, 72, 84, 6, fill=shade(b, 1.1))
    p.box(32, 50, 68, 72, 2, fill=CREAM)
    p.line([(38, 58), (62, 58)], 0.6, fill=(120, 110, 90))
    p.line([(42, 64), (58, 64)], 0.6, fill=(120, 110, 90))


def towel(p, s):
    b = p.base
    for i, y in enumerate((60, 44, 28)):
        p.box(18, y, 82, y + 16, 7, fill=shade(b, 1.0 - i * 0.05))
        p.box(18, y + 10, 82, y + 13, 0, fill=shade(b, 0.82), outline=False)


DRAWINGS = {f.__name__: f for f in [
    tshirt, shirt, sweater, hoodie, jacket, jeans, pants, shorts, denim_shorts, skirt, dress, sneakers, running,
    loafers, heels, boots, sandals, backpack, handbag, tote, wallet, headphones, earbuds, speaker,
    smartwatch, watch, charger, keyboard, mug, lamp, cushion, throw, candle, towel]}


# ---------------------------------------------------------------------------
# Lighting, shadow and backdrop
# ---------------------------------------------------------------------------

def _gradient(px, top, bottom):
    """A vertical gradient from `top` to `bottom`, as an RGB image."""
    col = Image.new("RGB", (1, px))
    for y in range(px):
        t = y / (px - 1)
        col.putpixel((0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return col.resize((px, px))


def _light(px):
    """Diagonal light: 1.0 at the top left falling to 0.0 at the bottom right (L image)."""
    small = Image.new("L", (64, 64))
    for y in range(64):
        for x in range(64):
            small.putpixel((x, y), int(255 * max(0.0, 1.0 - (x + y * 1.3) / (64 * 2.3))))
    return small.resize((px, px), Image.BILINEAR)


_LIGHT = None


def render(drawing, hex_colour, accent_index, style):
    """The picture as WebP bytes."""
    global _LIGHT
    base = rgb(hex_colour)
    accent = ACCENTS[accent_index % len(ACCENTS)]
    if abs(luma(accent) - luma(base)) < 40:
        accent = contrast_accent(base, ACCENTS)
    pen = Pen(base, accent)
    DRAWINGS[drawing](pen, style)
    obj = pen.img
    px = pen.px
    if _LIGHT is None:
        _LIGHT = _light(px)
    alpha = obj.getchannel("A")
    # Highlight towards the light, shade away from it, only on the object.
    white = Image.new("RGB", (px, px), (255, 255, 255))
    dark = Image.new("RGB", (px, px), (0, 0, 0))
    lit = obj.convert("RGB")
    lit = Image.composite(white, lit, ImageChops.multiply(_LIGHT, Image.new("L", (px, px), 70)))
    away = ImageChops.invert(_LIGHT)
    lit = Image.composite(dark, lit, ImageChops.multiply(away, Image.new("L", (px, px), 60)))
    # Backdrop, then a soft shadow below the object's footprint.
    canvas = _gradient(px, (248, 247, 245), (232, 230, 226))
    bbox = alpha.getbbox() or (0, 0, px, px)
    shadow = Image.new("L", (px, px), 0)
    sd = ImageDraw.Draw(shadow)
    x0, _, x1, y1 = bbox
    sd.ellipse([x0 + (x1 - x0) * 0.08, y1 - px * 0.025, x1 - (x1 - x0) * 0.08, y1 + px * 0.035], fill=110)
    shadow = shadow.filter(ImageFilter.GaussianBlur(px * 0.02))
    canvas = Image.composite(Image.new("RGB", (px, px), (150, 145, 138)), canvas, shadow)
    canvas = Image.composite(lit, canvas, alpha)
    out = canvas.resize((SIZE, SIZE), Image.LANCZOS)
    buf = io.BytesIO()
    out.save(buf, "WEBP", quality=QUALITY, method=6)
    return buf.getvalue()


def accent_of(brand, model):
    """A model's style (0..2) and the accent that goes with it, stable across
    runs (CRC32, not `hash`). Three looks per drawing and colour keep a page of
    one type varied while models share pictures."""
    style = zlib.crc32(f"{brand}|{model}".encode("utf-8")) % 3
    return style, style


class Pictures:
    """Collects the pictures the catalog rows use; each is drawn once."""

    def __init__(self):
        self.wanted = {}

    def picture(self, drawing, colour_name, hex_colour, brand, model):
        """The URL path of the picture for one product row."""
        if drawing not in DRAWINGS:
            raise ValueError(f"no drawing named {drawing}")
        accent, style = accent_of(brand, model)
        slug = colour_name.lower().replace(" ", "-")
        name = f"{drawing}-{slug}-{style}.webp"
        self.wanted[name] = (drawing, hex_colour, accent, style)
        return "/demo/images/" + name

    def write_all(self, folder: Path):
        """Writes every picture, removes stale ones, and writes the Rust table."""
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.webp"):
            if old.name not in self.wanted:
                old.unlink()
        names = sorted(self.wanted)
        total = 0
        for name in names:
            data = render(*self.wanted[name])
            total += len(data)
            (folder / name).write_bytes(data)
        lines = [
            "// Generated by catalog/make_demo.py; do not edit. The demo catalogs'",
            "// product pictures, sorted by name, served at /demo/images/{name}.",
            "&[",
        ]
        for name in names:
            lines.append(f'    ("{name}", include_bytes!("{name}")),')
        lines.append("]")
        (folder / "images.rs").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return len(names), total
