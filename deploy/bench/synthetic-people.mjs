// Synthetic people for benchmarks: names drawn from lists and recombined, never real persons.
const FIRST =
  `james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph
jessica thomas sarah charles karen christopher nancy daniel lisa matthew betty anthony margaret mark sandra donald ashley
steven kimberly paul emily andrew donna joshua michelle kenneth dorothy kevin carol brian amanda george melissa edward
deborah ronald stephanie timothy rebecca jason sharon jeffrey laura ryan cynthia jacob kathleen gary amy nicholas angela
eric shirley jonathan anna stephen brenda larry pamela justin emma scott nicole brandon helen benjamin samantha samuel
katherine gregory christine frank debra alexander rachel raymond catherine patrick carolyn jack janet dennis ruth jerry
maria tyler heather aaron diane jose virginia adam julie henry joyce nathan victoria douglas olivia zachary kelly peter
christina kyle lauren walter joan ethan evelyn jeremy judith harold megan keith cheryl christian andrea roger hannah
noah martha gerald jacqueline carl frances terry gloria sean ann austin teresa arthur kathryn lawrence sara jesse janice
dylan jean bryan alice joe madison jordan doris billy abigail bruce julia albert judy willie grace gabriel denise logan
amina fatima mohammed ahmed yusuf omar ali hassan ibrahim khalid aisha zainab mariam hodan abdi farah nasra deqa
amani baraka jabari kamau wanjiru achieng otieno njeri mwangi chidi ngozi emeka adaeze oluwaseun tunde folake
nguyen linh minh thanh huong tuan anh hoa mai duc binh lan khanh phuong hieu quang thu vinh trang
paw eh htoo naw saw ler moo say hser blu soe mu kaw ku gay dah eh
bashir farid habib jamal karim layla nadia rahim samir tariq walid yasmin zahra parwana mursal sediqa
olena oksana dmytro andriy iryna yulia serhii natalia taras mykola svitlana bohdan
jean-pierre marie-claire esperance dieudonne alphonse claudine emmanuel josiane innocent solange`.split(
    /\s+/,
  );

const LAST =
  `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood
james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez powell
odhiambo otieno wanjiku kamau mwangi njoroge ochieng mutua kiprop chebet adeyemi okafor nwosu eze okeke balogun
mohamed hassan abdi ali farah warsame yusuf osman omar ahmed jama hussein ismail aden mahamud
tran le pham hoang phan vu vo dang bui do ho ngo duong ly truong dinh lam
htoo paw moo say soe thaw win aung kyaw zaw myint naing lwin
haidari rahimi karimi ahmadi hashimi popal sultani noori safi stanekzai amiri
kovalenko shevchenko bondarenko tkachenko kravchenko melnyk boyko koval oliynyk lysenko
mukamana uwimana niyonzima habimana nshimiyimana iradukunda ndayisaba hakizimana bizimana`.split(
    /\s+/,
  );

/** Deterministic pseudo-random numbers, so every run builds the same data set. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPerson(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const year = 1940 + Math.floor(random() * 84);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return {
    firstName: cap(pick(FIRST)),
    middleName: random() < 0.4 ? cap(pick(FIRST)) : null,
    lastName: random() < 0.08 ? `${cap(pick(LAST))}-${cap(pick(LAST))}` : cap(pick(LAST)),
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex: random() < 0.5 ? 'female' : 'male',
    ssnLast4: random() < 0.7 ? String(Math.floor(random() * 10000)).padStart(4, '0') : null,
    alienNumber: random() < 0.3 ? String(10000000 + Math.floor(random() * 89999999)) : null,
  };
}

const cap = (s) => s.replace(/(^|-)([a-z])/g, (_, sep, c) => sep + c.toUpperCase());
