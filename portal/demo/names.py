"""Invented names for demo places and people (no real people; any likeness is chance)."""

PLACES = ["Riverside", "Hillview", "Kelvinbank", "Clydeview", "Burnside", "Oakfield", "Glenwood", "Meadowpark",
          "Castlehill", "Rowanbank", "Ashgrove", "Braeside", "Thornlea", "Willowbrae", "Larchfield", "Heatherbank",
          "Fernlea", "Birchwood", "Hazelden", "Lochview", "Millbrae", "Bankhead", "Whinhill", "Stonelaw",
          "Parkhead Green", "Crosshill", "Langbank", "Eastfield", "Westburn", "Northcroft", "Southpark", "Dalmore"]
SECTOR_SUFFIX = {"ELC": "Early Learning Centre", "Primary": "Primary School", "Secondary": "High School",
                 "ASN": "Additional Support for Learning School"}
FIRST = ["Aileen", "Callum", "Eilidh", "Fraser", "Isla", "Kirsty", "Lewis", "Mhairi", "Niall", "Orla", "Ross",
         "Shona", "Struan", "Fiona", "Gregor", "Hamish", "Iona", "Jamie", "Kenneth", "Lorna", "Morag", "Rhona",
         "Euan", "Catriona", "Duncan", "Ailsa", "Blair", "Cara", "Darren", "Erin", "Amir", "Priya", "Tomasz",
         "Zofia", "Chidi", "Mei", "Yusuf", "Sana", "Ruairidh", "Kenzie"]
LAST = ["MacLeod", "Campbell", "Stewart", "Robertson", "Thomson", "Anderson", "Murray", "Reid", "Fraser", "Kerr",
        "Ross", "Paterson", "Watson", "Morrison", "Hamilton", "Graham", "Kennedy", "Duncan", "Ferguson", "Boyd",
        "Khan", "Singh", "Nowak", "Okafor", "Chen", "Ahmed", "McAllister", "Docherty", "Gallacher", "Quinn"]
JOBS = {"ELC": ["Early years practitioner", "Senior early years practitioner", "Head of centre"],
        "Primary": ["Class teacher", "Principal teacher", "Depute head teacher", "Head teacher"],
        "Secondary": ["Teacher of mathematics", "Teacher of English", "Principal teacher of guidance",
                      "Depute head teacher", "Head teacher"],
        "ASN": ["Support for learning teacher", "Principal teacher", "Depute head teacher", "Head teacher"]}
PROMOTED_WORDS = ("Principal", "Depute", "Head", "Senior")
