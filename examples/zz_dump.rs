fn main() {
    let p = std::env::args().nth(1).unwrap();
    match yardstick::ingest::open(std::path::Path::new(&p)) {
        Ok(input) => match input.content {
            yardstick::ingest::Content::Text(doc) => println!("{}", doc.original),
            _ => println!("(workbook)"),
        },
        Err(d) => println!("ERR {d:?}"),
    }
}
