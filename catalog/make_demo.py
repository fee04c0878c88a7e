#!/usr/bin/env python3
"""Writes catalog/demo.csv and catalog/demo-pt.csv from the tables below.

The demo catalogs are hand-written data (brands, models, prices, colours)
expanded into one row per colour/audience variant; sizes, ratings and stock
come from a fixed-seed RNG, so running this again writes the same bytes.

    python3 catalog/make_demo.py        # from the repository root

Nothing here is copied from a dataset: titles follow real store style and
name real brands as text only.
"""

import csv
import io
import random
from pathlib import Path

from demo_images import Pictures

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

# (type, brand, name, genders, price, material, colours, hook sentence or "")
EN_MODELS = [
    # T-shirts
    ("tshirt", "Nike", "Sportswear Club Cotton T-Shirt", "MW", 25.00, "Cotton", "Black,White,Grey,Navy,Black,White", "Finished with a small embroidered Swoosh on the chest."),
    ("tshirt", "Adidas", "Essentials 3-Stripes T-Shirt", "MW", 30.00, "Cotton", "Black,White,Blue,Black", ""),
    ("tshirt", "Uniqlo", "Supima Cotton Crew Neck T-Shirt", "MW", 14.90, "Cotton", "White,Black,Navy,Beige,Grey", "Long-staple Supima cotton gives it a smooth, premium feel."),
    ("tshirt", "Hanes", "Essentials Short Sleeve Pocket T-Shirt", "M", 12.99, "Cotton", "Grey,White,Green", ""),
    ("tshirt", "Calvin Klein", "Monogram Logo Slim Fit T-Shirt", "MW", 39.50, "Cotton", "Black,White,Pink", ""),
    ("tshirt", "Pepe Jeans", "Eggo Logo Print T-Shirt", "MW", 35.00, "Cotton", "Red,White,Navy", "A bold Pepe Jeans London logo across the chest."),
    ("tshirt", "Champion", "Classic Script Logo T-Shirt", "BG", 18.00, "Cotton", "Red,Pink,Blue,Yellow", ""),
    ("tshirt", "Patagonia", "P-6 Logo Responsibili-Tee", "M", 45.00, "Cotton", "Green,Navy,Beige", "Made from recycled cotton and recycled polyester."),
    # Shirts
    ("shirt", "Ralph Lauren", "Classic Fit Oxford Shirt", "M", 98.50, "Cotton", "White,Blue,Pink", "Embroidered with the signature pony at the chest."),
    ("shirt", "Tommy Hilfiger", "Regular Fit Stretch Poplin Shirt", "M", 69.50, "Cotton", "White,Navy", ""),
    ("shirt", "Levi's", "Classic Western Denim Shirt", "MW", 59.50, "Denim", "Blue,Blue,Black", "Snap buttons and pointed yokes give it a Western look."),
    ("shirt", "Zara", "Linen Blend Shirt", "MW", 45.90, "Linen", "Beige,White,Green,White", ""),
    ("shirt", "H&M", "Regular Fit Flannel Shirt", "M", 24.99, "Cotton", "Red,Green,Grey", "Brushed flannel in a classic check."),
    # Jeans
    ("jeans", "Levi's", "511 Slim Fit Jeans", "M", 69.50, "Denim", "Blue,Black,Grey,Blue", "Slim through the hip and thigh with a narrow leg opening."),
    ("jeans", "Levi's", "501 Original Fit Jeans", "M", 79.50, "Denim", "Blue,Black", "The original button-fly jean since 1873."),
    ("jeans", "Levi's", "721 High Rise Skinny Jeans", "W", 79.50, "Denim", "Blue,Black", ""),
    ("jeans", "Wrangler", "Cowboy Cut Original Fit Jeans", "M", 44.99, "Denim", "Blue,Black", ""),
    ("jeans", "Pepe Jeans", "Finsbury Skinny Fit Jeans", "M", 99.00, "Denim", "Blue,Black", ""),
    ("jeans", "Pepe Jeans", "Regent High Waist Skinny Jeans", "W", 99.00, "Denim", "Blue,Grey", ""),
    ("jeans", "Calvin Klein", "Straight Fit Jeans", "MW", 79.50, "Denim", "Blue,Black,Blue", ""),
    ("jeans", "Gap", "Slim Jeans with Washwell", "BG", 34.95, "Denim", "Blue,Blue", "Made with a water-saving wash process."),
    # Pants
    ("pants", "Dockers", "Signature Khaki Classic Fit Pants", "M", 59.99, "Cotton", "Beige,Navy,Grey,Black", "Wrinkle-resistant twill that looks sharp all day."),
    ("pants", "Uniqlo", "Smart Ankle Pants", "MW", 49.90, "Polyester", "Black,Grey,Navy,Beige", ""),
    ("pants", "Lululemon", "Align High-Rise Yoga Pants", "W", 98.00, "Nylon", "Black,Navy,Green", "Buttery-soft fabric that feels weightless."),
    ("pants", "Carhartt", "Rugged Flex Relaxed Fit Work Pants", "M", 54.99, "Canvas", "Brown,Black,Beige", ""),
    # Dresses
    ("dress", "Zara", "Satin Midi Slip Dress", "W", 59.90, "Polyester", "Black,Green,Beige", ""),
    ("dress", "H&M", "Smocked Cotton Summer Dress", "W", 29.99, "Cotton", "White,Blue,Yellow", ""),
    ("dress", "Calvin Klein", "Sleeveless Sheath Dress", "W", 134.00, "Polyester", "Black,Navy,Red", "A fitted silhouette for work and evening events."),
    ("dress", "Free People", "Floral Print Maxi Dress", "W", 128.00, "Viscose", "Pink,Blue", ""),
    ("dress", "Mango", "Wrap Dress with Belt", "W", 69.99, "Polyester", "Red,Black,Green", ""),
    ("dress", "Carter's", "Ruffle Sleeve Knit Dress", "G", 16.00, "Cotton", "Pink,Purple,Yellow", ""),
    # Jackets
    ("jacket", "The North Face", "1996 Retro Nuptse Puffer Jacket", "MW", 330.00, "Nylon", "Black,Black,Navy,Yellow", "700-fill goose down keeps you warm in real cold."),
    ("jacket", "The North Face", "Antora Rain Jacket", "MW", 110.00, "Nylon", "Green,Blue,Black", "Waterproof and breathable with a stowable hood."),
    ("jacket", "Levi's", "Trucker Denim Jacket", "MW", 89.50, "Denim", "Blue,Black,Blue", ""),
    ("jacket", "Columbia", "Watertight II Rain Jacket", "M", 65.00, "Nylon", "Red,Navy", ""),
    ("jacket", "Schott NYC", "Perfecto Leather Motorcycle Jacket", "M", 850.00, "Leather", "Black,Brown", "The classic asymmetric-zip biker jacket."),
    ("jacket", "Zara", "Faux Leather Biker Jacket", "W", 69.90, "Faux Leather", "Black,Brown", ""),
    ("jacket", "Patagonia", "Nano Puff Jacket", "BG", 149.00, "Polyester", "Blue,Pink", ""),
    # Hoodies
    ("hoodie", "Champion", "Reverse Weave Pullover Hoodie", "MW", 65.00, "Cotton", "Grey,Black,Navy,Red", ""),
    ("hoodie", "Nike", "Sportswear Club Fleece Pullover Hoodie", "MWB", 60.00, "Cotton", "Black,Grey,Green,Navy,Black", ""),
    ("hoodie", "Carhartt", "Loose Fit Midweight Logo Hoodie", "M", 54.99, "Cotton", "Brown,Grey,Black", ""),
    ("hoodie", "Adidas", "Trefoil Essentials Hoodie", "U", 65.00, "Cotton", "White,Black", ""),
    ("hoodie", "Gildan", "Heavy Blend Hooded Sweatshirt", "U", 19.99, "Polyester", "Navy,Red,Green", ""),
    # Sweaters
    ("sweater", "Uniqlo", "Extra Fine Merino Crew Neck Sweater", "MW", 49.90, "Wool", "Navy,Grey,Beige,Black", ""),
    ("sweater", "J.Crew", "Cotton Cable-Knit Crewneck Sweater", "MW", 89.50, "Cotton", "Beige,Green,White", ""),
    ("sweater", "Ralph Lauren", "Cable-Knit Cashmere Sweater", "WM", 398.00, "Cashmere", "Pink,Grey", ""),
    ("sweater", "Gap", "Crewneck Sweater", "BG", 39.95, "Cotton", "Red,Navy", ""),
    # Shorts
    ("shorts", "Nike", "Dri-FIT Challenger 7-Inch Running Shorts", "M", 40.00, "Polyester", "Black,Navy,Grey", ""),
    ("shorts", "Levi's", "501 Original Denim Shorts", "W", 59.50, "Denim", "Blue,White,Black", ""),
    ("shorts", "Patagonia", "Baggies Shorts 5-Inch", "MW", 59.00, "Nylon", "Green,Blue,Navy,Pink", ""),
    ("shorts", "Adidas", "3-Stripes Woven Shorts", "B", 20.00, "Polyester", "Black,Blue", ""),
    # Skirts
    ("skirt", "Zara", "Pleated Midi Skirt", "W", 45.90, "Polyester", "Black,Beige,Green", ""),
    ("skirt", "Levi's", "Icon Denim Skirt", "W", 59.50, "Denim", "Blue,Black", ""),
    ("skirt", "H&M", "Corduroy Mini Skirt", "W", 24.99, "Cotton", "Brown,Beige", ""),
    ("skirt", "Cat & Jack", "Tiered Knit Skirt", "G", 12.00, "Cotton", "Pink,Purple", ""),
    # Sneakers
    ("sneakers", "Nike", "Air Force 1 '07", "MW", 115.00, "Leather", "White:M,Black:M,White:W,Pink:W", "The basketball icon with Nike Air cushioning."),
    ("sneakers", "Nike", "Air Max 90", "MW", 130.00, "Leather", "Grey:M,Red:M,White:W,Beige:W", ""),
    ("sneakers", "Adidas", "Samba OG", "MW", 100.00, "Leather", "White:M,Black:M,Green:M,White:W,Pink:W", "A gum rubber sole and suede T-toe overlay."),
    ("sneakers", "Adidas", "Stan Smith", "MW", 100.00, "Leather", "White:M,Green:W,Navy:W", ""),
    ("sneakers", "New Balance", "574 Core", "MW", 89.99, "Suede", "Grey:M,Navy:M,Green:M,Grey:W,Pink:W,Beige:W", ""),
    ("sneakers", "Converse", "Chuck Taylor All Star High Top", "U", 65.00, "Canvas", "Black,White,Red,Navy", "The canvas high top that has not changed in decades."),
    ("sneakers", "Vans", "Old Skool", "MW", 70.00, "Suede", "Black:M,Navy:M,Black:W,Pink:W", ""),
    ("sneakers", "Puma", "Suede Classic XXI", "MW", 75.00, "Suede", "Red:M,Blue:M,Black:W,Pink:W", ""),
    ("sneakers", "Veja", "V-10 Leather", "MW", 175.00, "Leather", "White:M,White:W,Beige:W", "Made with organic cotton laces and a wild rubber sole."),
    ("sneakers", "Skechers", "Uno Stand On Air", "MW", 85.00, "Synthetic", "White:W,Black:W,Navy:M", ""),
    # Running shoes
    ("running", "Nike", "Air Zoom Pegasus 41", "MW", 140.00, "Mesh", "Black:M,Blue:M,White:W,Pink:W", "A responsive everyday trainer with Zoom Air units."),
    ("running", "Asics", "Gel-Kayano 31", "MW", 165.00, "Mesh", "Black:M,Blue:M,Grey:W,Purple:W", "Stability cushioning for long runs."),
    ("running", "Brooks", "Ghost 16", "MW", 140.00, "Mesh", "Grey:M,Navy:M,Black:W,Blue:W", ""),
    ("running", "Hoka", "Clifton 9", "MW", 145.00, "Mesh", "Black:M,Orange:M,White:W", ""),
    ("running", "Adidas", "Ultraboost Light", "MW", 190.00, "Textile", "Black:M,White:W", ""),
    ("running", "New Balance", "Fresh Foam X 880v14", "MW", 139.99, "Mesh", "Grey:M,Black:W", ""),
    ("running", "Saucony", "Ride 17", "MW", 139.95, "Mesh", "Navy:M,Pink:W", ""),
    # Boots
    ("boots", "Dr. Martens", "1460 Smooth Leather Lace-Up Boots", "MW", 170.00, "Leather", "Black:M,Brown:M,Black:W,Burgundy:W", "Eight-eyelet boots on the air-cushioned sole."),
    ("boots", "Timberland", "Premium 6-Inch Waterproof Boots", "MW", 198.00, "Leather", "Beige:M,Black:M,Beige:W", ""),
    ("boots", "UGG", "Classic Short II Boots", "W", 180.00, "Suede", "Brown,Grey,Black", "Sheepskin-lined for warmth."),
    ("boots", "Clarks", "Desert Boots", "M", 150.00, "Suede", "Brown,Beige", ""),
    ("boots", "Blundstone", "Original 500 Chelsea Boots", "U", 209.95, "Leather", "Brown,Black", ""),
    # Sandals
    ("sandals", "Birkenstock", "Arizona Soft Footbed Sandals", "U", 135.00, "Leather", "Brown,Black,White", ""),
    ("sandals", "Teva", "Original Universal Sandals", "MW", 55.00, "Polyester", "Black:M,Green:M,Pink:W", ""),
    ("sandals", "Havaianas", "Top Flip Flops", "U", 22.00, "Rubber", "Black,Blue,Pink,Yellow", "Made in Brazil from soft, durable rubber."),
    # Loafers
    ("loafers", "G.H. Bass", "Larson Weejuns Penny Loafers", "M", 165.00, "Leather", "Burgundy,Black", ""),
    ("loafers", "Cole Haan", "Pinch Penny Loafers", "MW", 150.00, "Leather", "Brown:M,Black:W", ""),
    ("loafers", "Sam Edelman", "Loraine Bit Loafers", "W", 150.00, "Leather", "Black,Beige", ""),
    # Heels
    ("heels", "Steve Madden", "Vala Block Heels", "W", 99.95, "Suede", "Black,Beige,Red", ""),
    ("heels", "Sam Edelman", "Hazel Pointed Toe Pumps", "W", 140.00, "Leather", "Black,Beige,Red", ""),
    ("heels", "Naturalizer", "Vivian Slingback Heels", "W", 110.00, "Leather", "Black,Navy", ""),
    # Backpacks
    ("backpack", "JanSport", "SuperBreak One Backpack", "U", 42.00, "Polyester", "Black,Navy,Red,Pink,Green", ""),
    ("backpack", "Herschel", "Little America Backpack", "U", 109.99, "Polyester", "Black,Grey,Navy", ""),
    ("backpack", "The North Face", "Borealis Backpack", "U", 99.00, "Nylon", "Black,Blue,Grey", ""),
    ("backpack", "Fjällräven", "Kånken Classic Backpack", "U", 90.00, "Vinylon", "Green,Red,Yellow,Navy", "The Swedish school bag with a fold-out sitting pad."),
    ("backpack", "Samsonite", "Tectonic Lifestyle Laptop Backpack", "U", 129.99, "Polyester", "Black,Grey", ""),
    # Handbags
    ("handbag", "Coach", "Tabby Shoulder Bag 26", "W", 450.00, "Leather", "Black,Brown,Beige", ""),
    ("handbag", "Michael Kors", "Jet Set Medium Crossbody Bag", "W", 298.00, "Leather", "Brown,Black,Pink", ""),
    ("handbag", "Kate Spade", "Knott Medium Satchel", "W", 398.00, "Leather", "Black,Red", ""),
    ("handbag", "Fossil", "Jolie Crossbody Bag", "W", 128.00, "Leather", "Brown,Green", ""),
    # Totes
    ("tote", "Longchamp", "Le Pliage Original Large Tote Bag", "W", 175.00, "Nylon", "Navy,Black,Green", "Folds flat into a compact square."),
    ("tote", "L.L.Bean", "Boat and Tote Bag Medium", "U", 44.95, "Canvas", "Navy,Red,Green", ""),
    ("tote", "Baggu", "Standard Reusable Tote", "U", 14.00, "Nylon", "Beige,Pink", ""),
    # Wallets
    ("wallet", "Fossil", "Derrick Leather Bifold Wallet", "M", 55.00, "Leather", "Brown,Black", ""),
    ("wallet", "Bellroy", "Note Sleeve Wallet", "M", 99.00, "Leather", "Brown,Black,Navy", ""),
    ("wallet", "Tommy Hilfiger", "Cambridge Passcase Wallet", "M", 35.00, "Leather", "Black,Brown", ""),
    ("wallet", "Kate Spade", "Morgan Zip Around Continental Wallet", "W", 179.00, "Leather", "Pink,Black,Red", ""),
    ("wallet", "Coach", "Accordion Zip Wallet", "W", 195.00, "Leather", "Black,Brown", ""),
    # Headphones
    ("headphones", "Sony", "WH-1000XM5 Wireless Noise Cancelling Headphones", "", 399.99, "Plastic", "Black,Silver,Blue", "Industry-leading noise cancelling with up to 30 hours of battery."),
    ("headphones", "Bose", "QuietComfort Ultra Wireless Headphones", "", 429.00, "Plastic", "Black,White", "Immersive spatial audio and world-class noise cancelling."),
    ("headphones", "Apple", "AirPods Max Wireless Over-Ear Headphones", "", 549.00, "Aluminum", "Silver,Blue,Pink", ""),
    ("headphones", "Sennheiser", "Momentum 4 Wireless Headphones", "", 349.95, "Plastic", "Black,White", "Up to 60 hours of battery life."),
    ("headphones", "JBL", "Tune 520BT Wireless On-Ear Headphones", "", 49.95, "Plastic", "Black,Blue,White,Purple", ""),
    ("headphones", "Audio-Technica", "ATH-M50x Professional Studio Monitor Headphones", "", 169.00, "Plastic", "Black,White", "A studio favourite with a detachable cable."),
    ("headphones", "Sony", "MDR-ZX110 Wired On-Ear Headphones", "", 19.99, "Plastic", "Black,White", ""),
    ("headphones", "Beats", "Solo 4 Wireless On-Ear Headphones", "", 199.99, "Plastic", "Black,Red,Blue", ""),
    # Earbuds
    ("earbuds", "Apple", "AirPods Pro 2 with USB-C Charging Case", "", 249.00, "Plastic", "White", "Active noise cancellation and adaptive audio."),
    ("earbuds", "Samsung", "Galaxy Buds3 Pro Wireless Earbuds", "", 249.99, "Plastic", "Silver,White", ""),
    ("earbuds", "Sony", "WF-1000XM5 Noise Cancelling Earbuds", "", 299.99, "Plastic", "Black,Silver", ""),
    ("earbuds", "JBL", "Tune Buds True Wireless Earbuds", "", 99.95, "Plastic", "Black,Blue,White", ""),
    ("earbuds", "Soundcore", "Life P3i Hybrid ANC Earbuds", "", 39.99, "Plastic", "Black,Blue", ""),
    ("earbuds", "Jabra", "Elite 8 Active Sports Earbuds", "", 199.99, "Plastic", "Black,Navy", ""),
    ("earbuds", "Skullcandy", "Dime 3 True Wireless Earbuds", "", 29.99, "Plastic", "Black,Green,Pink", ""),
    # Speakers
    ("speaker", "JBL", "Flip 6 Portable Bluetooth Speaker", "", 129.95, "Plastic", "Black,Blue,Red,Green", "Waterproof and dustproof (IP67) with 12 hours of playtime."),
    ("speaker", "Bose", "SoundLink Flex Bluetooth Speaker", "", 149.00, "Silicone", "Black,Blue,White", ""),
    ("speaker", "Sonos", "Era 100 Smart Speaker", "", 249.00, "Plastic", "Black,White", ""),
    ("speaker", "Ultimate Ears", "Wonderboom 4 Portable Speaker", "", 99.99, "Fabric", "Pink,Blue,Black", ""),
    ("speaker", "Marshall", "Emberton III Portable Speaker", "", 169.99, "Silicone", "Black,Beige", ""),
    ("speaker", "Amazon", "Echo Dot (5th Gen) Smart Speaker with Alexa", "", 49.99, "Fabric", "Blue,White,Black", ""),
    # Smartwatches
    ("smartwatch", "Apple", "Watch Series 10 GPS 42mm Smartwatch", "", 399.00, "Aluminum", "Black,Silver,Pink", ""),
    ("smartwatch", "Samsung", "Galaxy Watch7 40mm Smartwatch", "", 299.99, "Aluminum", "Green,Silver,Black", ""),
    ("smartwatch", "Garmin", "Forerunner 265 GPS Running Smartwatch", "", 449.99, "Plastic", "Black,White,Blue", "A bright AMOLED display and training readiness insights."),
    ("smartwatch", "Fitbit", "Versa 4 Fitness Smartwatch", "", 199.95, "Aluminum", "Black,Pink", ""),
    ("smartwatch", "Amazfit", "Bip 5 Smartwatch", "", 89.99, "Plastic", "Black,Pink,Grey", ""),
    # Chargers
    ("charger", "Anker", "Nano 65W USB-C Charger", "", 45.99, "Plastic", "White,Black", ""),
    ("charger", "Apple", "20W USB-C Power Adapter", "", 19.00, "Plastic", "White", ""),
    ("charger", "Belkin", "BoostCharge Pro 3-in-1 MagSafe Wireless Charging Stand", "", 129.99, "Plastic", "White,Black", ""),
    ("charger", "Samsung", "25W Super Fast Charging Wall Charger", "", 19.99, "Plastic", "Black,White", ""),
    ("charger", "Anker", "PowerCore 10000 Portable Charger", "", 25.99, "Plastic", "Black,White,Blue", ""),
    ("charger", "UGREEN", "Nexode 100W 4-Port GaN Charger", "", 69.99, "Plastic", "Grey", ""),
    # Keyboards
    ("keyboard", "Logitech", "MX Keys S Wireless Keyboard", "", 109.99, "Aluminum", "Grey,White", ""),
    ("keyboard", "Keychron", "K2 Wireless Mechanical Keyboard", "", 89.00, "Aluminum", "Grey,Black", ""),
    ("keyboard", "Apple", "Magic Keyboard with Touch ID", "", 149.00, "Aluminum", "White,Black", ""),
    ("keyboard", "Razer", "BlackWidow V4 Mechanical Gaming Keyboard", "", 169.99, "Plastic", "Black", ""),
    ("keyboard", "Logitech", "K380 Multi-Device Bluetooth Keyboard", "", 39.99, "Plastic", "Pink,Grey,White", ""),
    # Mugs
    ("mug", "Le Creuset", "Stoneware Mug 12 oz", "", 30.00, "Ceramic", "Red,Blue,White,Green", ""),
    ("mug", "Ember", "Mug 2 Temperature Control Smart Mug 10 oz", "", 129.95, "Ceramic", "Black,White", "Keeps your drink at your chosen temperature for up to 80 minutes."),
    ("mug", "Yeti", "Rambler 14 oz Insulated Mug", "", 30.00, "Stainless Steel", "Navy,Black,Pink,Green", ""),
    ("mug", "IKEA", "FÄRGRIK Stoneware Mug", "", 3.99, "Ceramic", "White,Grey,Blue", ""),
    ("mug", "Crate & Barrel", "Marin Stoneware Mug", "", 9.95, "Ceramic", "Grey,Blue,White", ""),
    # Lamps
    ("lamp", "IKEA", "RANARP Work Lamp", "", 34.99, "Steel", "Black,White,Red", ""),
    ("lamp", "West Elm", "Mid-Century Ceramic Table Lamp", "", 129.00, "Ceramic", "Brown,White,Green", ""),
    ("lamp", "Philips Hue", "Go Portable Table Lamp", "", 89.99, "Plastic", "White", ""),
    ("lamp", "BenQ", "e-Reading LED Desk Lamp", "", 199.00, "Aluminum", "Silver,Grey", ""),
    ("lamp", "Brightech", "Sparq LED Arc Floor Lamp", "", 69.99, "Metal", "Black", ""),
    # Cushions
    ("cushion", "IKEA", "GURLI Cushion Cover 20x20", "", 5.99, "Cotton", "Beige,Grey,Green,Red,Pink", ""),
    ("cushion", "Pottery Barn", "Velvet Throw Pillow 20 in", "", 49.50, "Velvet", "Green,Pink,Navy,Beige", ""),
    ("cushion", "H&M Home", "Linen Cushion Cover", "", 17.99, "Linen", "Beige,White,Green", ""),
    # Throws
    ("throw", "Pendleton", "Eco-Wise Wool Throw Blanket", "", 159.00, "Wool", "Grey,Red,Navy", ""),
    ("throw", "Barefoot Dreams", "CozyChic Throw Blanket", "", 147.00, "Polyester", "Beige,Grey,Pink", ""),
    ("throw", "Threshold", "Chunky Knit Throw", "", 35.00, "Cotton", "Beige,White", ""),
    # Candles
    ("candle", "Yankee Candle", "Balsam & Cedar Large Jar Candle", "", 31.99, "Wax", "Green,Red", ""),
    ("candle", "Diptyque", "Baies Scented Candle 190g", "", 78.00, "Wax", "Black", ""),
    ("candle", "Bath & Body Works", "Mahogany Teakwood 3-Wick Candle", "", 26.95, "Wax", "Brown", ""),
    ("candle", "Voluspa", "Japonica Classic Candle", "", 32.00, "Coconut Wax", "Pink,White", ""),
    ("candle", "Paddywax", "Tobacco & Patchouli Soy Candle", "", 24.00, "Soy Wax", "Brown", ""),
    # Towels
    ("towel", "Brooklinen", "Super-Plush Bath Towel", "", 39.00, "Cotton", "White,Grey,Navy,Beige", ""),
    ("towel", "Parachute", "Classic Turkish Cotton Bath Towel", "", 39.00, "Cotton", "White,Beige,Pink", ""),
    ("towel", "Amazon Basics", "Quick-Dry Bath Towel Set of 2", "", 24.99, "Cotton", "Blue,Grey", ""),
]

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

# (type, brand, model, genders, price, material, colours, hook)
PT_MODELS = [
    ("tenis", "Olympikus", "Corre 3", "MF", 399.99, "Tecido", "Preto:M,Azul Marinho:M,Branco:F,Rosa:F", "Espuma de alto retorno para treinos e corridas."),
    ("tenis", "Mizuno", "Wave Rider 28", "MF", 899.99, "Tecido", "Preto:M,Azul:M,Cinza:F", "Placa Wave que estabiliza a pisada em treinos longos."),
    ("tenis", "Nike", "Revolution 7", "MF", 399.99, "Tecido", "Preto:M,Branco:M,Rosa:F", ""),
    ("tenis", "Adidas", "Grand Court 2.0", "MF", 449.99, "Couro Sintético", "Branco:M,Preto:M,Branco:F", ""),
    ("tenis", "Fila", "Racer Curve", "MF", 299.99, "Tecido", "Cinza:M,Verde:F", ""),
    ("tenis", "Vans", "Old Skool", "U", 449.99, "Camurça", "Preto,Azul Marinho", ""),
    ("tenis", "Olympikus", "Veloz", "I", 149.99, "Tecido", "Azul,Rosa", ""),
    ("camiseta", "Hering", "Básica Gola Careca", "MF", 49.99, "Algodão", "Branco:M,Preto:M,Cinza:M,Azul Marinho:M,Branco:F,Preto:F,Rosa:F", "A clássica camiseta básica da Hering, em malha 100% algodão."),
    ("camiseta", "Reserva", "Estampada Pica-Pau", "M", 129.00, "Algodão", "Branco,Verde,Azul", ""),
    ("camiseta", "Osklen", "Vintage Rough", "MF", 297.00, "Algodão", "Bege,Preto", ""),
    ("camiseta", "Colcci", "Logo Bordado", "F", 159.90, "Algodão", "Branco,Amarelo", ""),
    ("camiseta", "Malwee", "Estampada", "I", 39.90, "Algodão", "Vermelho,Amarelo,Azul", ""),
    ("camisa", "Reserva", "Oxford Slim", "M", 299.00, "Algodão", "Branco,Azul,Rosa", ""),
    ("camisa", "Aramis", "Linho Manga Longa", "M", 399.90, "Linho", "Bege,Branco", ""),
    ("camisa", "Dudalina", "Social Slim Fit", "MF", 449.90, "Algodão", "Branco:M,Azul:M,Branco:F", ""),
    ("camisa", "Hering", "Jeans Manga Longa", "MF", 179.99, "Jeans", "Azul,Azul", ""),
    ("calca", "Levi's", "Jeans 511 Slim", "M", 399.90, "Jeans", "Azul,Preto", ""),
    ("calca", "Hering", "Jeans Skinny Cintura Alta", "F", 179.99, "Jeans", "Azul,Preto", ""),
    ("calca", "Reserva", "Chino Sarja", "M", 299.00, "Algodão", "Bege,Azul Marinho,Verde", ""),
    ("calca", "Colcci", "Jeans Mom", "F", 329.90, "Jeans", "Azul", ""),
    ("calca", "Nike", "Jogger Club Fleece", "MF", 349.99, "Algodão", "Cinza:M,Preto:F", ""),
    ("bermuda", "Reserva", "Chino Sarja", "M", 219.00, "Algodão", "Bege,Azul Marinho,Verde", ""),
    ("bermuda", "Hering", "Moletom Básica", "MF", 89.99, "Algodão", "Cinza:M,Preto:M,Rosa:F", ""),
    ("bermuda", "Osklen", "Linho Relax", "M", 347.00, "Linho", "Bege,Branco", ""),
    ("vestido", "Farm", "Midi Estampado Floral", "F", 498.00, "Viscose", "Verde,Amarelo,Azul", "Estampa exclusiva inspirada na natureza brasileira."),
    ("vestido", "Amaro", "Midi Canelado", "F", 199.90, "Malha", "Preto,Bege,Vermelho", ""),
    ("vestido", "Hering", "Curto Malha Alça", "F", 119.99, "Algodão", "Preto,Azul Marinho", ""),
    ("vestido", "Lilica Ripilica", "Babado", "I", 169.90, "Algodão", "Rosa,Amarelo", ""),
    ("saia", "Farm", "Midi Floral", "F", 358.00, "Viscose", "Verde,Rosa", ""),
    ("saia", "Zara", "Plissada Midi", "F", 229.00, "Poliéster", "Preto,Bege", ""),
    ("saia", "Hering", "Jeans Curta", "F", 129.99, "Jeans", "Azul,Preto", ""),
    ("jaqueta", "Levi's", "Jeans Trucker", "MF", 499.90, "Jeans", "Azul:M,Preto:M,Azul:F", ""),
    ("jaqueta", "Adidas", "Corta-Vento Essentials", "MF", 399.99, "Poliéster", "Preto:M,Azul Marinho:M,Rosa:F", ""),
    ("jaqueta", "The North Face", "Puffer Nuptse", "MF", 1899.90, "Nylon", "Preto:M,Preto:F", ""),
    ("jaqueta", "Colcci", "Couro Sintético Biker", "F", 599.90, "Couro Sintético", "Preto,Marrom", ""),
    ("moletom", "Hering", "Canguru com Capuz", "MF", 159.99, "Algodão", "Cinza:M,Preto:M,Verde:M,Bege:F,Rosa:F", ""),
    ("moletom", "Nike", "Club Fleece com Capuz", "MF", 449.99, "Algodão", "Preto:M,Cinza:F", ""),
    ("moletom", "Reserva", "Careca Básico", "M", 329.00, "Algodão", "Azul Marinho,Cinza", ""),
    ("moletom", "Malwee", "com Capuz", "I", 99.90, "Algodão", "Azul,Rosa", ""),
    ("sandalia", "Havaianas", "Top", "U", 44.99, "Borracha", "Preto,Branco,Azul Marinho,Amarelo,Rosa", "A sandália brasileira mais famosa do mundo."),
    ("sandalia", "Havaianas", "Slim", "F", 54.99, "Borracha", "Rosa,Bege,Preto", ""),
    ("sandalia", "Melissa", "Free", "F", 229.90, "PVC", "Preto,Bege,Vermelho", ""),
    ("sandalia", "Arezzo", "Salto Bloco", "F", 399.90, "Couro", "Preto,Bege", ""),
    ("sandalia", "Rider", "Slide R86", "M", 99.99, "Borracha", "Preto,Azul Marinho", ""),
    ("bota", "Arezzo", "Cano Curto Couro", "F", 599.90, "Couro", "Preto,Marrom", ""),
    ("bota", "Dr. Martens", "1460 Coturno", "U", 1199.90, "Couro", "Preto,Vermelho", ""),
    ("bota", "Timberland", "Yellow Boot 6 Polegadas", "M", 1299.90, "Couro", "Bege,Preto", ""),
    ("bota", "Democrata", "Chelsea Couro", "M", 449.90, "Couro", "Marrom,Preto", ""),
    ("bolsa", "Arezzo", "Tiracolo Couro", "F", 549.90, "Couro", "Preto,Marrom,Bege", ""),
    ("bolsa", "Schutz", "Shoulder Bag Matelassê", "F", 798.00, "Couro", "Preto,Rosa", ""),
    ("bolsa", "Anacapri", "Transversal Pequena", "F", 259.90, "Couro Sintético", "Vermelho,Preto", ""),
    ("mochila", "Samsonite", "Executiva para Notebook", "U", 699.90, "Poliéster", "Preto,Cinza", ""),
    ("mochila", "JanSport", "SuperBreak", "U", 299.90, "Poliéster", "Preto,Azul Marinho,Vermelho,Rosa", ""),
    ("mochila", "Nike", "Heritage", "U", 199.99, "Poliéster", "Preto,Verde", ""),
    ("carteira", "Fossil", "Couro Bifold", "M", 349.00, "Couro", "Marrom,Preto", ""),
    ("carteira", "Arezzo", "Grande com Zíper", "F", 299.90, "Couro", "Preto,Rosa,Vermelho", ""),
    ("carteira", "Reserva", "Porta-Cartão Couro", "M", 129.00, "Couro", "Marrom", ""),
    ("fone", "JBL", "Tune 520BT Bluetooth", "", 299.00, "Plástico", "Preto,Azul,Branco", ""),
    ("fone", "Sony", "WH-1000XM5 com Cancelamento de Ruído", "", 2499.00, "Plástico", "Preto,Prata", "Cancelamento de ruído líder de mercado e até 30 horas de bateria."),
    ("fone", "Edifier", "W820NB Plus Bluetooth", "", 349.90, "Plástico", "Preto,Branco", ""),
    ("fone", "QCY", "T13 Intra-Auricular sem Fio", "", 99.90, "Plástico", "Preto,Branco", ""),
    ("fone", "Apple", "AirPods Pro 2 USB-C", "", 2299.00, "Plástico", "Branco", ""),
    ("caixa", "JBL", "Flip 6 Bluetooth", "", 799.00, "Plástico", "Preto,Azul,Vermelho", ""),
    ("caixa", "JBL", "Go 4 Bluetooth", "", 349.00, "Plástico", "Preto,Rosa,Azul", ""),
    ("caixa", "Sony", "SRS-XB100 Bluetooth", "", 399.90, "Plástico", "Preto,Azul", ""),
    ("caixa", "Multilaser", "Pulse Mini Bluetooth", "", 89.90, "Plástico", "Preto,Vermelho", ""),
    ("relogio", "Apple", "Watch Series 10 GPS 42mm", "U", 4999.00, "Alumínio", "Preto,Prata,Rosa", ""),
    ("relogio", "Samsung", "Galaxy Watch7 40mm", "U", 1999.00, "Alumínio", "Verde,Prata", ""),
    ("relogio", "Xiaomi", "Redmi Watch 5 Active", "U", 299.00, "Plástico", "Preto,Prata", ""),
    ("relogio", "Technos", "Analógico Classic", "MF", 599.00, "Aço Inoxidável", "Prata:M,Preto:M,Rosa:F", ""),
    ("relogio", "Casio", "Vintage Digital", "U", 349.00, "Aço Inoxidável", "Prata,Preto", ""),
    ("caneca", "Stanley", "Térmica 473 ml", "", 199.00, "Aço Inoxidável", "Preto,Verde,Rosa,Azul", ""),
    ("caneca", "Oxford", "Porcelana 350 ml", "", 39.90, "Porcelana", "Branco,Azul,Amarelo", ""),
    ("caneca", "Tok&Stok", "Cerâmica Artesanal", "", 69.90, "Cerâmica", "Bege,Verde,Cinza", ""),
    ("caneca", "Tramontina", "Inox Dupla Parede 300 ml", "", 89.90, "Aço Inoxidável", "Prata", ""),
    ("luminaria", "Tok&Stok", "de Mesa Articulada", "", 299.90, "Metal", "Preto,Branco,Amarelo", ""),
    ("luminaria", "Taschibra", "de Piso Tripé", "", 449.90, "Madeira", "Bege,Preto", ""),
    ("luminaria", "Philips", "LED de Mesa Recarregável", "", 189.90, "Plástico", "Branco,Cinza", ""),
    ("almofada", "Tok&Stok", "Veludo 45x45", "", 119.90, "Veludo", "Verde,Rosa,Azul Marinho,Bege", ""),
    ("almofada", "Camesa", "Decorativa Estampada 45x45", "", 59.90, "Algodão", "Amarelo,Azul,Cinza", ""),
    ("almofada", "Karsten", "Linho Lisa 50x50", "", 89.90, "Linho", "Bege,Branco,Verde", ""),
]


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
