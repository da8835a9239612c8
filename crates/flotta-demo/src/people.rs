//! Fictional Swedish staff names and their e-mail addresses.

pub(crate) struct Person {
    pub name: String,
    pub email: String,
}

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Kerstin",
    "Ingrid",
    "Emma",
    "Malin",
    "Åsa",
    "Linnéa",
    "Sofia",
    "Elin",
    "Hanna",
    "Ida",
    "Johanna",
    "Frida",
    "Märta",
    "Ebba",
    "Lars",
    "Mikael",
    "Anders",
    "Johan",
    "Erik",
    "Per",
    "Karl",
    "Peter",
    "Jan",
    "Thomas",
    "Daniel",
    "Fredrik",
    "Magnus",
    "Mattias",
    "Björn",
    "Jonas",
    "Örjan",
    "Göran",
    "Ali",
    "Ahmed",
    "Fatima",
    "Amina",
    "Mohammed",
    "Nour",
    "Zeynep",
    "Aleksandra",
    "Milan",
    "Yusuf",
    "Leila",
    "Omar",
];

const LAST_NAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Olofsson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Eklund",
    "Danielsson",
    "Håkansson",
    "Öberg",
    "Åberg",
    "Hassan",
    "Ali",
    "Mohammed",
    "Yilmaz",
    "Nowak",
    "Kovačević",
];

pub(crate) fn person(rng: &mut fastrand::Rng) -> Person {
    let first = FIRST_NAMES[rng.usize(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.usize(0..LAST_NAMES.len())];
    // Mail addresses are plain ASCII; a number keeps namesakes apart.
    let number = rng.u32(1..100);
    Person {
        name: format!("{first} {last}"),
        email: format!(
            "{}.{}{number}@{}",
            ascii_fold(first),
            ascii_fold(last),
            crate::DEMO_MAIL_DOMAIN
        ),
    }
}

fn ascii_fold(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            'é' => 'e',
            'č' | 'ć' => 'c',
            other => other.to_ascii_lowercase(),
        })
        // A letter the table above does not know is left out rather than put in an address.
        .filter(char::is_ascii)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_addresses_are_ascii_and_names_keep_their_letters() {
        let mut rng = fastrand::Rng::with_seed(1);
        for _ in 0..500 {
            let person = person(&mut rng);
            assert!(person.email.is_ascii(), "{}", person.email);
            assert!(person.email.ends_with("@exempelstad.se"));
            assert!(person.name.contains(' '));
        }
        assert_eq!(ascii_fold("Åsa"), "asa");
        assert_eq!(ascii_fold("Kovačević"), "kovacevic");
    }
}
