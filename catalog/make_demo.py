#!/usr/bin/env python3
"""Writes catalog/demo.csv, catalog/demo-pt.csv and their product pictures
(catalog/images/, drawn by demo_images.py) from the tables below and the
models in demo_models.py.

The demo catalogs are hand-written data (brands, models, prices, colours)
expanded into one row per colour/audience variant; sizes, ratings and stock
come from a fixed-seed RNG, so running this again writes the same bytes.
Needs Pillow (see catalog/README.md); building Vitrine does not.

    python3 catalog/make_demo.py        # from the repository root

Nothing here is copied from a dataset: titles follow real store style and
name real brands as text only.
"""

import csv
import io
import random
from pathlib import Path

from demo_images import Pictures
from demo_models import EN_MODELS, PT_MODELS

HERE = Path(__file__).resolve().parent

# Colour name -> hex used in the product pictures.
HEX = {
    "Black": "222222", "White": "f4f4f4", "Grey": "8c8c8c", "Navy": "1f2a4d",
    "Blue": "2f6fd0", "Red": "c8282d", "Green": "2e7d4f", "Beige": "d9c7a3",
    "Brown": "7a4b2a", "Pink": "e79bb8", "Yellow": "f1c21b", "Purple": "7b4fa6",
    "Orange": "ee7a1c", "Silver": "c0c4c8", "Burgundy": "7a1f33", "Olive": "6b6b2a",
}
# Portuguese colour -> (masculine form, feminine form, hex).
PT_COLOURS = {
    "Preto": ("Preto", "Preta", HEX["Black"]), "Branco": ("Branco", "Branca", HEX["White"]),
    "Cinza": ("Cinza", "Cinza", HEX["Grey"]), "Azul": ("Azul", "Azul", HEX["Blue"]),
    "Azul Marinho": ("Azul Marinho", "Azul Marinho", HEX["Navy"]),
    "Vermelho": ("Vermelho", "Vermelha", HEX["Red"]), "Verde": ("Verde", "Verde", HEX["Green"]),
    "Bege": ("Bege", "Bege", HEX["Beige"]), "Marrom": ("Marrom", "Marrom", HEX["Brown"]),
    "Rosa": ("Rosa", "Rosa", HEX["Pink"]), "Amarelo": ("Amarelo", "Amarela", HEX["Yellow"]),
    "Prata": ("Prata", "Prata", HEX["Silver"]),
}
# Portuguese colour -> the English name its pictures are filed under (shared files).
PT_COLOUR_SLUG = {pt: next(en for en, h in HEX.items() if h == hx) for pt, (_, _, hx) in PT_COLOURS.items()}


# Drawings for models whose type noun covers several shapes.
PT_DRAWING_BY_MODEL = {
    ("Technos", "Analógico Classic"): "watch", ("Casio", "Vintage Digital"): "watch",
    ("QCY", "T13 Intra-Auricular sem Fio"): "earbuds", ("Apple", "AirPods Pro 2 USB-C"): "earbuds",
}
DENIM = {"Denim", "Jeans"}

PICTURES = Pictures()


def drawing_for(drawing, material):
    """Denim trousers and shorts are drawn as jeans."""
    if material in DENIM and drawing in ("pants", "shorts"):
        return "jeans" if drawing == "pants" else "denim_shorts"
    return drawing


def lower(material):
    """`Faux Leather` -> `faux leather`, but `PVC` stays `PVC`."""
    return material if material.isupper() else material.lower()


def rating(rng):
    """Ratings skew towards 3.8-4.8; a few are low and about 1 in 12 is empty."""
    r = rng.random()
    if r < 0.08:
        return None
    if r < 0.14:
        return round(rng.uniform(1.0, 3.7), 1)
    return round(min(5.0, rng.triangular(3.8, 4.9, 4.5)), 1)


def stock(rng):
    return 0 if rng.random() < 0.08 else int(rng.triangular(1, 180, 25))


def variants(spec, genders):
    """`"White:M Black Pink:W"` -> [(colour, gender)]; untagged colours cycle through `genders`."""
    out = []
    for i, item in enumerate(spec.split(",")):
        colour, _, g = item.strip().partition(":")
        out.append((colour, g or (genders[i % len(genders)] if genders else "")))
    return out


# --------------------------------------------------------------------------
# English catalog
# --------------------------------------------------------------------------

AUD = {"M": ("Men", "Men's"), "W": ("Women", "Women's"), "U": ("Unisex", "Unisex"),
       "B": ("Boys", "Boys'"), "G": ("Girls", "Girls'")}
DEPT = {"M": "Men", "W": "Women", "U": "Unisex", "B": "Kids", "G": "Kids"}

# type key: (category path with {dept}, title suffix, size kind, drawing, description templates)
EN_TYPES = {
    "tshirt": ("{dept} > Apparel > T-Shirts", "", "apparel", "tshirt", [
        "A {fit} tee cut from {mat} for easy everyday wear.",
        "Ribbed crew neck and double-stitched hems keep it in shape wash after wash."]),
    "shirt": ("{dept} > Apparel > Shirts", "", "apparel", "shirt", [
        "A {mat} shirt with a button-down front that works tucked or untucked.",
        "Pairs with chinos for the office or jeans for the weekend."]),
    "jeans": ("{dept} > Apparel > Jeans", "", "apparel", "jeans", [
        "Five-pocket jeans in {mat} with a touch of stretch for all-day comfort.",
        "Sits at the waist and keeps its colour through many washes."]),
    "pants": ("{dept} > Apparel > Pants", "", "apparel", "pants", [
        "Easy-care pants in {mat} with a clean, tailored line.",
        "Side pockets and a comfortable waistband make them an everyday staple."]),
    "dress": ("{dept} > Apparel > Dresses", "", "apparel", "dress", [
        "A {mat} dress that moves easily and dresses up or down.",
        "Unlined and easy to care for; machine wash cold."]),
    "jacket": ("{dept} > Apparel > Jackets", "", "apparel", "jacket", [
        "An outer layer in {mat} built for changing weather.",
        "Zip pockets keep your phone and keys secure."]),
    "hoodie": ("{dept} > Apparel > Hoodies", "", "apparel", "hoodie", [
        "A soft {mat} hoodie with a lined hood and kangaroo pocket.",
        "Ribbed cuffs and hem hold in warmth on cool evenings."]),
    "sweater": ("{dept} > Apparel > Sweaters", "", "apparel", "sweater", [
        "A {mat} knit that layers neatly over a shirt or tee.",
        "Warm without bulk; hand wash or dry clean."]),
    "shorts": ("{dept} > Apparel > Shorts", "", "apparel", "shorts", [
        "Lightweight {mat} shorts made for warm days.",
        "An elastic waistband and pockets add everyday comfort."]),
    "skirt": ("{dept} > Apparel > Skirts", "", "apparel", "skirt", [
        "A {mat} skirt with an easy fit through the hip.",
        "Wear it with sneakers by day or heels at night."]),
    "sneakers": ("{dept} > Shoes > Sneakers", "Sneakers", "shoes", "sneakers", [
        "A {mat} upper on a cushioned rubber cupsole for all-day wear.",
        "Classic lace-up sneakers that go with jeans, shorts or joggers."]),
    "running": ("{dept} > Shoes > Running Shoes", "Running Shoes", "shoes", "running", [
        "Breathable {mat} upper and responsive foam for daily training miles.",
        "A durable rubber outsole grips on road and track."]),
    "boots": ("{dept} > Shoes > Boots", "", "shoes", "boots", [
        "Sturdy {mat} boots with a grippy rubber sole.",
        "Built to break in and last for years."]),
    "sandals": ("{dept} > Shoes > Sandals", "", "shoes", "sandals", [
        "Easy summer sandals with a contoured footbed.",
        "Light enough to pack for the beach or a city break."]),
    "loafers": ("{dept} > Shoes > Loafers", "", "shoes", "loafers", [
        "Slip-on loafers in {mat} with a cushioned insole.",
        "Smart enough for the office, relaxed enough for the weekend."]),
    "heels": ("{dept} > Shoes > Heels", "", "shoes", "heels", [
        "Polished heels in {mat} with a padded footbed.",
        "A comfortable heel height for long evenings."]),
    "backpack": ("Bags > Backpacks", "", "", "backpack", [
        "A {mat} backpack with a padded laptop sleeve and front organiser pocket.",
        "Padded shoulder straps spread the load on the daily commute."]),
    "handbag": ("{dept} > Bags > Handbags", "", "", "handbag", [
        "A structured {mat} bag with an adjustable strap.",
        "Inside, a zip pocket and slip pockets keep essentials in order."]),
    "tote": ("Bags > Totes", "", "", "tote", [
        "A roomy {mat} tote for groceries, the gym or the beach.",
        "Sturdy handles and an open top make packing quick."]),
    "wallet": ("{dept} > Accessories > Wallets", "", "", "wallet", [
        "A slim {mat} wallet with card slots and a note compartment.",
        "Fits easily in a front pocket."]),
    "headphones": ("Electronics > Audio > Headphones", "", "", "headphones", [
        "Comfortable over-ear cushions and clear, balanced sound.",
        "A comfortable fit for long listening sessions."]),
    "earbuds": ("Electronics > Audio > Earbuds", "", "", "earbuds", [
        "True wireless earbuds with a pocketable charging case.",
        "Touch controls let you skip tracks and take calls."]),
    "speaker": ("Electronics > Audio > Speakers", "", "", "speaker", [
        "Room-filling sound from a compact body.",
        "Pair over Bluetooth in seconds and stream from any phone."]),
    "smartwatch": ("Electronics > Wearables > Smartwatches", "", "", "smartwatch", [
        "Tracks workouts, heart rate and sleep, and shows notifications on your wrist.",
        "Water resistant for swimming, with multi-day battery life."]),
    "charger": ("Electronics > Accessories > Chargers", "", "", "charger", [
        "Fast charging for phones, tablets and laptops.",
        "Built-in protection against overheating and overcharging."]),
    "keyboard": ("Electronics > Computers > Keyboards", "", "", "keyboard", [
        "Comfortable, quiet keys with a solid typing feel.",
        "Pairs with Mac, Windows, iPad and Android."]),
    "mug": ("Home > Kitchen > Mugs", "", "", "mug", [
        "A sturdy {mat} mug for coffee, tea or hot chocolate.",
        "Holds its shape and colour through years of daily use."]),
    "lamp": ("Home > Lighting > Lamps", "", "", "lamp", [
        "Warm, glare-free light for reading and working.",
        "Soft, even light that is easy on the eyes."]),
    "cushion": ("Home > Decor > Cushions", "", "", "cushion", [
        "A soft {mat} cushion to refresh a sofa, bed or reading chair.",
        "The cover zips off for easy washing."]),
    "throw": ("Home > Decor > Throws", "", "", "throw", [
        "A cosy {mat} throw for the sofa on cold nights.",
        "Generously sized and machine washable."]),
    "candle": ("Home > Decor > Candles", "", "", "candle", [
        "A hand-poured scented candle with a clean, even burn.",
        "Burns for up to 50 hours."]),
    "towel": ("Home > Bath > Towels", "", "", "towel", [
        "A thick, absorbent {mat} bath towel that softens with every wash.",
        "Quick to dry and made to last."]),
}

FITS = ["relaxed", "regular-fit", "classic", "slim-fit"]


def en_size(kind, gender, rng):
    if kind == "apparel":
        if gender in "BG":
            return rng.choice(["S", "M", "L"])
        return rng.choice(["XS", "S", "M", "L", "XL"] if gender == "W" else ["S", "M", "L", "XL", "XXL"])
    if kind == "shoes":
        return str(rng.choice([7, 8, 9, 10] if gender == "W" else [8, 9, 10, 11, 12]))
    return ""


def en_rows():
    rng = random.Random(20240611)
    rows = []
    n = 1000
    for tkey, brand, name, genders, price, mat, colours, hook in EN_MODELS:
        cat, suffix, kind, drawing, templates = EN_TYPES[tkey]
        for colour, g in variants(colours, genders):
            n += 1
            pid = f"V{n}"
            aud = AUD[g] if g else None
            parts = [brand]
            if aud and (kind or g != "U"):
                parts.append(aud[1])
            parts.append(name)
            if suffix:
                parts.append(suffix)
            title = " ".join(parts) + " \u2013 " + colour
            sentences = [hook] if hook else []
            sentences.append(templates[0].format(mat=lower(mat), fit=rng.choice(FITS)))
            if not hook or rng.random() < 0.4:
                sentences.append(templates[1])
            # An occasional sale price keeps the price spread realistic.
            p = price if rng.random() > 0.12 else round(price * 0.8, 0) - 0.01
            rows.append({
                "id": pid, "title": title, "description": " ".join(sentences), "brand": brand,
                "category": cat.format(dept=DEPT.get(g, "")), "price": f"{p:.2f}", "currency": "USD",
                "color": colour, "size": en_size(kind, g, rng), "gender": aud[0] if aud else "",
                "material": mat, "rating": "" if (r := rating(rng)) is None else f"{r:.1f}",
                "stock": str(stock(rng)), "url": f"https://demo.vitrine.shop/p/{pid}",
                "image_url": PICTURES.picture(drawing_for(drawing, mat), colour, HEX[colour], brand, name),
            })
    return rows


# --------------------------------------------------------------------------
# Portuguese (Brazil) catalog
# --------------------------------------------------------------------------

# gender code -> (column value, masculine title form, feminine title form, department)
PT_AUD = {"M": ("Masculino", "Masculino", "Masculina", "Masculino"),
          "F": ("Feminino", "Feminino", "Feminina", "Feminino"),
          "U": ("Unissex", "Unissex", "Unissex", "Unissex"),
          "I": ("Infantil", "Infantil", "Infantil", "Infantil")}

# type: (title noun, noun is feminine, category with {dept}, size kind, drawing, description templates)
PT_TYPES = {
    "tenis": ("Tênis", False, "{dept} > Calçados > Tênis", "calcado", "sneakers", [
        "Cabedal em {mat} e entressola com amortecimento para o dia a dia.",
        "Solado de borracha com boa aderência; combina com jeans, bermuda ou moletom."]),
    "camiseta": ("Camiseta", True, "{dept} > Roupas > Camisetas", "roupa", "tshirt", [
        "Camiseta em {mat} macio, com gola careca e caimento confortável.",
        "Peça coringa para usar sozinha ou por baixo de camisas e jaquetas."]),
    "camisa": ("Camisa", True, "{dept} > Roupas > Camisas", "roupa", "shirt", [
        "Camisa em {mat} com botões frontais e modelagem que valoriza a silhueta.",
        "Vai bem no escritório com calça de sarja ou no fim de semana com jeans."]),
    "calca": ("Calça", True, "{dept} > Roupas > Calças", "roupa", "pants", [
        "Calça em {mat} com bolsos funcionais e cós confortável.",
        "Modelagem pensada para o uso diário, do trabalho ao happy hour."]),
    "bermuda": ("Bermuda", True, "{dept} > Roupas > Bermudas", "roupa", "shorts", [
        "Bermuda em {mat} leve, ideal para os dias quentes.",
        "Tem bolsos laterais e acabamento reforçado."]),
    "vestido": ("Vestido", False, "{dept} > Roupas > Vestidos", "roupa", "dress", [
        "Vestido em {mat} com caimento fluido e toque agradável.",
        "Funciona de dia com tênis e à noite com sandália de salto."]),
    "saia": ("Saia", True, "{dept} > Roupas > Saias", "roupa", "skirt", [
        "Saia em {mat} com cintura confortável e comprimento versátil.",
        "Combine com camiseta básica ou camisa para um visual elegante."]),
    "jaqueta": ("Jaqueta", True, "{dept} > Roupas > Jaquetas", "roupa", "jacket", [
        "Jaqueta em {mat} para os dias mais frios e as viagens.",
        "Bolsos com zíper guardam celular e chaves com segurança."]),
    "moletom": ("Moletom", False, "{dept} > Roupas > Moletons", "roupa", "hoodie", [
        "Moletom em {mat} felpado por dentro, quentinho e macio.",
        "Punhos e barra canelados mantêm o formato depois de muitas lavagens."]),
    "sandalia": ("Sandália", True, "{dept} > Calçados > Sandálias", "calcado", "sandals", [
        "Sandália confortável em {mat}, leve para usar o dia inteiro.",
        "Ótima para o verão, a praia e a cidade."]),
    "bota": ("Bota", True, "{dept} > Calçados > Botas", "calcado", "boots", [
        "Bota em {mat} com solado de borracha antiderrapante.",
        "Resistente e cheia de estilo para o inverno."]),
    "bolsa": ("Bolsa", True, "Bolsas e Acessórios > Bolsas", "", "handbag", [
        "Bolsa em {mat} com alça ajustável e fechamento por zíper.",
        "Divisórias internas organizam celular, carteira e chaves."]),
    "mochila": ("Mochila", True, "Bolsas e Acessórios > Mochilas", "", "backpack", [
        "Mochila em {mat} com compartimento acolchoado para notebook.",
        "Alças reguláveis e costas acolchoadas para o dia a dia."]),
    "carteira": ("Carteira", True, "Bolsas e Acessórios > Carteiras", "", "wallet", [
        "Carteira em {mat} com porta-cartões e divisória para notas.",
        "Compacta, cabe no bolso da frente."]),
    "fone": ("Fone de Ouvido", False, "Eletrônicos > Áudio > Fones de Ouvido", "", "headphones", [
        "Som equilibrado e graves marcantes, com conexão Bluetooth estável.",
        "Bateria de longa duração e microfone para chamadas."]),
    "caixa": ("Caixa de Som", True, "Eletrônicos > Áudio > Caixas de Som", "", "speaker", [
        "Caixa de som portátil com Bluetooth e som potente para o tamanho.",
        "Resistente a respingos, ideal para levar para a piscina ou o churrasco."]),
    "relogio": ("Relógio", False, "Acessórios > Relógios", "", "smartwatch", [
        "Relógio com caixa em {mat} e visual que combina com qualquer ocasião.",
        "Resistente à água para o uso diário."]),
    "caneca": ("Caneca", True, "Casa > Cozinha > Canecas", "", "mug", [
        "Caneca em {mat} para o café da manhã, chá ou chocolate quente.",
        "Uma ótima ideia de presente."]),
    "luminaria": ("Luminária", True, "Casa > Iluminação > Luminárias", "", "lamp", [
        "Luminária em {mat} com luz confortável para ler e trabalhar.",
        "Luz suave e uniforme, que não cansa a vista."]),
    "almofada": ("Almofada", True, "Casa > Decoração > Almofadas", "", "cushion", [
        "Almofada em {mat} com enchimento macio e capa removível.",
        "Renova o sofá, a cama ou a poltrona de leitura."]),
}


def pt_size(kind, g, rng):
    if kind == "roupa":
        if g == "I":
            return rng.choice(["4", "6", "8", "10"])
        return rng.choice(["PP", "P", "M", "G"] if g == "F" else ["P", "M", "G", "GG"])
    if kind == "calcado":
        if g == "I":
            return str(rng.choice(range(28, 34)))
        return str(rng.choice(range(34, 40) if g == "F" else range(38, 45)))
    return ""


def brl(value):
    """1299.9 -> 'R$ 1.299,90'."""
    whole, cents = f"{value:.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return "R$ " + ".".join(groups) + "," + cents


def pt_rows():
    rng = random.Random(20240612)
    rows = []
    n = 2000
    for tkey, brand, model, genders, price, mat, colours, hook in PT_MODELS:
        noun, fem, cat, kind, drawing, templates = PT_TYPES[tkey]
        drawing = PT_DRAWING_BY_MODEL.get((brand, model), drawing_for(drawing, mat))
        for colour, g in variants(colours, genders):
            n += 1
            pid = f"BR{n}"
            masc_c, fem_c, hex_c = PT_COLOURS[colour]
            aud = PT_AUD[g] if g else None
            parts = [noun, brand, model]
            if aud and (kind or g != "U"):
                parts.append(aud[2] if fem else aud[1])
            parts.append(fem_c if fem else masc_c)
            sentences = [hook] if hook else []
            sentences.append(templates[0].format(mat=lower(mat)))
            if not hook or rng.random() < 0.4:
                sentences.append(templates[1])
            p = price if rng.random() > 0.12 else round(price * 0.85, 0) - 0.10
            r = rating(rng)
            dept = aud[3] if aud else ""
            rows.append([
                pid, " ".join(parts), " ".join(sentences), brand, cat.format(dept=dept), brl(p),
                colour, pt_size(kind, g, rng), aud[0] if aud else "", mat,
                "" if r is None else f"{r:.1f}".replace(".", ","), str(stock(rng)),
                f"https://demo.vitrine.shop/p/{pid}",
                PICTURES.picture(drawing, PT_COLOUR_SLUG[colour], hex_c, brand, model),
            ])
    return rows


EN_HEADER = ["id", "title", "description", "brand", "category", "price", "currency", "color",
             "size", "gender", "material", "rating", "stock", "url", "image_url"]
PT_HEADER = ["código", "nome", "descrição", "marca", "categoria", "preço", "cor", "tamanho",
             "gênero", "material", "avaliação", "estoque", "link", "imagem"]


def main():
    with open(HERE / "demo.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=EN_HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(en_rows())
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(PT_HEADER)
    w.writerows(pt_rows())
    (HERE / "demo-pt.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    count, size = PICTURES.write_all(HERE / "images")
    print(f"wrote demo.csv, demo-pt.csv and {count} pictures ({size // 1024} KiB) in catalog/images/")


if __name__ == "__main__":
    main()
